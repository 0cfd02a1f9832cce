namespace Jobsmith.Rendering.Templates;

/// <summary>
/// One look for every document kind. All templates are single-column with real text and standard headings, which
/// is what applicant tracking systems read reliably; they differ in type, spacing and accents only.
/// <see cref="WordFont"/> and <see cref="WordSizeHalfPoints"/> give the Word output the same character.
/// </summary>
public sealed record DocumentTemplate(string Name, string Css, string WordFont, int WordSizeHalfPoints, string AccentHex)
{
    private const string Sans = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
    private const string Serif = "Georgia, 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif";

    // Shared rules: print margins come from the PDF options; on screen the page is centred like paper.
    private const string Base = """
        *{box-sizing:border-box}
        html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{margin:0;color:#1a1a1a;line-height:1.35}
        @media screen{body{max-width:8.5in;margin:0 auto;padding:0.6in;background:#fff}}
        h1,h2,p,ul{margin:0}
        ul{padding-left:1.1em;list-style-type:"•  "}
        li{margin:0.12em 0}
        .contact .sep,.entry .sep{color:#777}
        .label{font-weight:bold;margin-right:0.3em}
        .skills .item,.languages .item{white-space:nowrap}
        .missing{font-style:italic;color:#8a5a00}
        .letter p{margin-bottom:0.9em}
        .letter p.signature{margin-bottom:0}
        .letter p.signature+p.paragraph{margin-top:0.9em}
        .question{font-weight:bold;margin-top:0.7em}
        .answer{margin-top:0.15em}
        section{break-inside:auto}
        h2{break-after:avoid}
        .entry{break-after:avoid}
        """;

    public static readonly DocumentTemplate Plain = new("plain", Base + $$"""
        body{font-family:{{Serif}};font-size:10.5pt}
        h1{font-size:20pt;font-weight:normal;text-align:center;letter-spacing:0.02em}
        .contact{text-align:center;margin-top:0.2em;font-size:9.5pt}
        h2{font-size:11.5pt;border-bottom:0.75pt solid #1a1a1a;margin:0.9em 0 0.35em;padding-bottom:0.1em}
        .entry{margin-top:0.5em}
        .entry .role{font-weight:bold}
        .summary,.skills p{margin-bottom:0.2em}
        """, "Georgia", 21, "1A1A1A");

    public static readonly DocumentTemplate Modern = new("modern", Base + $$"""
        body{font-family:{{Sans}};font-size:10pt}
        h1{font-size:22pt;font-weight:bold;color:#1f4e79}
        .contact{margin-top:0.25em;font-size:9pt;color:#333}
        h2{font-size:10.5pt;text-transform:uppercase;letter-spacing:0.04em;color:#1f4e79;margin:1em 0 0.35em;padding-bottom:0.12em;border-bottom:1.5pt solid #c9d6e3}
        .entry{margin-top:0.55em}
        .entry .role{font-weight:bold}
        .entry .period{color:#555}
        .label{color:#1f4e79}
        .summary,.skills p{margin-bottom:0.2em}
        """, "Calibri", 21, "1F4E79");

    public static readonly DocumentTemplate Compact = new("compact", Base + $$"""
        body{font-family:{{Sans}};font-size:9pt;line-height:1.25}
        h1{font-size:15pt;font-weight:bold}
        .contact{font-size:8.5pt;margin-top:0.1em}
        h2{font-size:9.5pt;font-weight:bold;text-transform:uppercase;margin:0.65em 0 0.2em;border-bottom:0.5pt solid #999}
        .entry{margin-top:0.3em}
        .entry .role{font-weight:bold}
        li{margin:0.05em 0}
        """, "Arial", 18, "333333");

    public static readonly IReadOnlyList<DocumentTemplate> All = [Plain, Modern, Compact];

    /// <summary>The named template; null or empty picks the default, an unknown name is refused.</summary>
    public static DocumentTemplate Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return Plain;
        return All.FirstOrDefault(t => t.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown template '{name}'; choose one of: {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));
    }
}
