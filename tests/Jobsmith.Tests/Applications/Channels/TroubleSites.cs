using System.Text;
using Microsoft.AspNetCore.Http;

namespace Jobsmith.Tests.Applications.Channels;

/// <summary>Sites that must stop the channel (F4) or leave the outcome open: CAPTCHA, login wall, size limit, errors, silence.</summary>
public static class TroubleSites
{
    public const string Site = "trouble";

    private const string Fields = """
        <label for="n">Full name *</label><input id="n" name="name" required>
        <label for="e">Email *</label><input id="e" name="email" type="email" required>
        <label for="r">Resume *</label><input id="r" name="resume" type="file" required>
        """;

    /// <summary>A plain form with a CAPTCHA widget's markers (the widget's script is not loaded: no network).</summary>
    public static Uri Captcha(ApplicationSites sites, string kind)
    {
        var widget = kind switch
        {
            "recaptcha" => "<div class=\"g-recaptcha\" data-sitekey=\"6Le-test\"><iframe title=\"reCAPTCHA\" src=\"/captcha/recaptcha/api2/anchor?k=6Le-test\"></iframe></div>",
            "hcaptcha" => "<div class=\"h-captcha\" data-sitekey=\"10000000-ffff\"></div>",
            _ => "<div class=\"cf-turnstile\" data-sitekey=\"1x00000000000000000000AA\"></div>",
        };
        return Form(sites, $"/captcha/{kind}", widget, ApplicationSites.RedirectTo("/done"));
    }

    public static Uri LoginWall(ApplicationSites sites)
    {
        sites.Page("/login/apply", """
            <!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in to apply</h1>
            <form method="post" action="/login/session"><label>Email <input name="email" type="email"></label>
            <label>Password <input name="password" type="password"></label><button type="submit">Sign in</button></form>
            <a href="/login/register">Create an account</a></body></html>
            """);
        sites.Receive("/login/session", Site + "/login", ApplicationSites.RedirectTo("/login/apply"));
        return sites.Url("/login/apply");
    }

    /// <summary>Refuses a file over <paramref name="limitBytes"/> in the browser, as most ATS upload widgets do, and on the server.</summary>
    public static Uri SizeLimit(ApplicationSites sites, int limitBytes)
    {
        var script = $$"""
            <div id="resume-error" class="error" style="display:none"></div>
            <script>
              document.getElementById('r').addEventListener('change', e => {
                const f = e.target.files[0], box = document.getElementById('resume-error');
                if (f && f.size > {{limitBytes}}) { box.textContent = 'The file ' + f.name + ' exceeds the maximum size of {{limitBytes / 1024}} KB.'; box.style.display = 'block'; e.target.value = ''; }
                else box.style.display = 'none';
              });
            </script>
            """;
        return Form(sites, "/limit", script, async (ctx, received) =>
        {
            if (received.Files.Values.Any(f => f.Content.Length > limitBytes)) { ctx.Response.StatusCode = 413; await ctx.Response.WriteAsync("File too large"); }
            else ctx.Response.Redirect("/done");
        });
    }

    /// <summary>The apply page itself fails with a server error page.</summary>
    public static Uri BrokenPage(ApplicationSites sites)
    {
        sites.Page("/broken/apply", "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1>"
            + "<p>The server encountered an unexpected condition.</p></body></html>", status: 500);
        return sites.Url("/broken/apply");
    }

    /// <summary>The form loads, but the post answers 502 after the site has stored the application.</summary>
    public static Uri FailingSubmit(ApplicationSites sites) => Form(sites, "/failing", "", async (ctx, _) =>
    {
        ctx.Response.StatusCode = 502;
        ctx.Response.ContentType = "text/html";
        await ctx.Response.WriteAsync("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
    });

    /// <summary>The post is stored and never answered (until the test ends).</summary>
    public static Uri SilentSubmit(ApplicationSites sites, CancellationToken release) => Form(sites, "/silent", "", async (ctx, _) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, release);
        }
        catch (OperationCanceledException)
        {
            // The test is over.
        }
    });

    /// <summary>A form with a required question Jobsmith cannot answer from any fact.</summary>
    public static Uri UnknownQuestion(ApplicationSites sites) => Form(sites, "/unknown",
        "<label for=\"q\">Which of our three office mascots do you like best? *</label><input id=\"q\" name=\"mascot\" required>"
        + "<label for=\"auth\">Are you legally authorized to work in the United States? *</label><select id=\"auth\" name=\"auth\" required><option value=\"\">Select</option><option>Yes</option><option>No</option></select>",
        ApplicationSites.RedirectTo("/done"));

    /// <summary>A form far longer than the complexity limit.</summary>
    public static Uri Huge(ApplicationSites sites, int extraFields)
    {
        var extra = new StringBuilder();
        for (var i = 0; i < extraFields; i++) extra.Append($"<label for=\"x{i}\">Reference {i + 1} name</label><input id=\"x{i}\" name=\"ref{i}\">");
        return Form(sites, "/huge", extra.ToString(), ApplicationSites.RedirectTo("/done"));
    }

    private static Uri Form(ApplicationSites sites, string prefix, string extra, Func<HttpContext, ReceivedApplication, Task> respond)
    {
        sites.Page($"{prefix}/apply", $"""
            <!DOCTYPE html><html><head><title>Apply</title></head><body><h1>Apply: Backend Engineer</h1>
            <form method="post" enctype="multipart/form-data" action="{prefix}/submit">{Fields}{extra}<button type="submit">Submit application</button></form></body></html>
            """);
        sites.Receive($"{prefix}/submit", Site + prefix, respond);
        sites.Page("/done", "<!DOCTYPE html><html><head><title>Done</title></head><body><h1>Thank you for applying</h1></body></html>");
        return sites.Url($"{prefix}/apply");
    }
}
