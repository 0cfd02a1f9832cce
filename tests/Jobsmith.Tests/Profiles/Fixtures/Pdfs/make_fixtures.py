#!/usr/bin/env python3
"""Writes the PDF fixtures in this folder: small one-page resumes with text-layer faults seen in real files.

Run from this folder: python3 make_fixtures.py. The names, employers and contact details are invented.
"""

RESUME = [
    "Jane Doe",
    "jane.doe@example.com \x05 +1 617 555 0142 \x05 Boston, MA",
    "",
    "EXPERIENCE",
    "Senior Developer, Acme Corp, Boston, MA",
    "January 2019 to Present",
    "\x05 Built the billing platform in C# and PostgreSQL",
    "\x05 Led a team of five engineers through the move to Kubernetes",
    "",
    "Developer, Initech, Cambridge, MA",
    "June 2015 to December 2018",
    "\x05 Wrote the reporting service used by every sales office",
    "",
    "EDUCATION",
    "BSc Computer Science, Northeastern University, 2015",
    "",
    "SKILLS",
    "C#, PostgreSQL, Docker, Kubernetes, Terraform",
]


def pdf(fonts, content):
    """One page, the given fonts as /F1 /F2 ..., one content stream; byte-exact xref table."""
    font_count = len(fonts)
    page_id, content_id = 3 + font_count, 4 + font_count
    font_refs = " ".join(f"/F{i + 1} {i + 3} 0 R" for i in range(font_count)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page_id,
               *fonts,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << %s >> >> /Contents %d 0 R >>"
               % (font_refs, content_id),
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def escape(data):
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def control_char_bullets():
    """Text in Helvetica; bullets and separators drawn from a symbol font whose glyph name poppler
    cannot map, so pdftotext passes the code through as U+0005 (as pdfTeX resumes with such fonts do)."""
    helvetica = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    # Every control code has a glyph name, so a test may redraw the bullet with any of them.
    symbols = (b"<< /Type /Font /Subtype /Type1 /BaseFont /JobsmithSymbols /FirstChar 1 /LastChar 31 /Widths [%s] "
               b"/Encoding << /Type /Encoding /Differences [1 %s] >> >>"
               % (b" ".join(b"500" for _ in range(1, 32)), b" ".join(b"/g%d" % code for code in range(1, 32))))
    content = bytearray()
    y = 750
    for line in RESUME:
        if line:
            content += b"BT 50 %d Td" % y
            # A bullet at the start of a line touches its text; a separator inside a line stands alone.
            for index, part in enumerate(line.split("\x05")):
                if index > 0:
                    content += b" /F2 10 Tf (\x05) Tj"
                text = part.lstrip() if line.startswith("\x05") else part
                if text:
                    content += b" /F1 10 Tf (%s) Tj" % escape(text.encode("latin-1"))
            content += b" ET\n"
        y -= 14
    return pdf([helvetica, symbols], bytes(content))


def no_unicode_map():
    """A subset-style font: codes given in order of first use from 0x21 on, glyph names poppler cannot
    map and no /ToUnicode, so the text layer reads as symbols and stray letters."""
    # Parentheses and backslash are left out, so the content strings need no escapes and a test may
    # swap one code for another byte for byte; every code from 0x21 to 0x7e has a glyph name.
    usable = [code for code in range(33, 127) if code not in (40, 41, 92)]
    codes = {" ": 32}
    for line in RESUME:
        for char in line.replace("\x05", "-"):
            if char not in codes:
                codes[char] = usable[len(codes) - 1]
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Subset /FirstChar 32 /LastChar 126 /Widths [%s] "
            b"/Encoding << /Type /Encoding /Differences [32 /space %s] >> >>"
            % (b" ".join(b"500" for _ in range(32, 127)), b" ".join(b"/g%d" % code for code in range(33, 127))))
    content = bytearray()
    y = 750
    for line in RESUME:
        if line:
            encoded = bytes(codes[c] for c in line.replace("\x05", "-"))
            content += b"BT /F1 10 Tf 50 %d Td (%s) Tj ET\n" % (y, encoded)
        y -= 14
    return pdf([font], bytes(content))


if __name__ == "__main__":
    with open("control-char-bullets.pdf", "wb") as file:
        file.write(control_char_bullets())
    with open("no-unicode-map.pdf", "wb") as file:
        file.write(no_unicode_map())
