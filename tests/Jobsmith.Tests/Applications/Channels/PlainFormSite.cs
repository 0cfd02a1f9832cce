namespace Jobsmith.Tests.Applications.Channels;

/// <summary>A plain one-page application form per posting (name, email, phone, resume), answered by a confirmation page.</summary>
public static class PlainFormSite
{
    public static string Site(int number) => $"crash-{number}";

    public static Uri Install(ApplicationSites sites, int number)
    {
        var prefix = $"/crash/{number}";
        sites.Page($"{prefix}/apply", $$"""
            <!DOCTYPE html><html lang="en"><head><title>Crashtest {{number}} - Backend Engineer</title></head><body>
            <h1>Apply: Senior Backend Engineer {{number}}</h1>
            <form method="POST" enctype="multipart/form-data" action="{{prefix}}/submit">
              <label for="name">Full name *</label><input id="name" name="name" required>
              <label for="email">Email *</label><input id="email" name="email" type="email" required>
              <label for="phone">Phone</label><input id="phone" name="phone" type="tel">
              <label for="resume">Resume *</label><input id="resume" name="resume" type="file" required>
              <button type="submit">Submit application</button>
            </form></body></html>
            """);
        sites.Receive($"{prefix}/submit", Site(number), ApplicationSites.RedirectTo($"{prefix}/thanks"));
        sites.Page($"{prefix}/thanks", "<!DOCTYPE html><html><head><title>Application submitted</title></head><body><h1>Thank you for applying!</h1>"
            + "<p>Your application has been received.</p></body></html>");
        return sites.Url($"{prefix}/apply");
    }
}
