using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jobsmith.Core.Data;
using Jobsmith.Tests.TestSupport;
using Jobsmith.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobsmith.Web.Tests.Hosting;

/// <summary>A host with a small resume storage quota.</summary>
public sealed class HardenedHostFixture : WebAppFixture
{
    public const long QuotaBytes = 4096;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Jobsmith:ResumeImport:StorageQuotaBytes"] = QuotaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Issue 8 item 9 (R3, R4, L4): forms without their token, private files, client errors, the sign-in limit, upload storage.</summary>
public sealed partial class HardeningTests(HardenedHostFixture fixture) : IClassFixture<HardenedHostFixture>
{
    [SkippableFact]
    public async Task A_form_post_without_its_antiforgery_token_gets_a_clear_400_page_and_logout_needs_the_token()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        // A plain client on the real socket that keeps cookies like a browser but does not follow redirects,
        // so each answer is checked where it is given.
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            { BaseAddress = app.BaseAddress };
        var token = await TokenAsync(browser, "/login");
        using (var signIn = await browser.PostAsync("/account/login", Form(("email", JobsmithWebApp.AdminEmail), ("password", JobsmithWebApp.AdminPassword), ("__RequestVerificationToken", token))))
            Assert.Equal("/dashboard", Landed(signIn));

        using var loginWithout = await browser.PostAsync("/account/login", Form(("email", "a@b.test"), ("password", "whatever-1")));
        using var logoutWithout = await browser.PostAsync("/account/logout", Form());
        using var adminFormWithout = await browser.PostAsync("/admin/flags/AIAgents", Form(("enabled", "false")));

        foreach (var response in new[] { loginWithout, logoutWithout, adminFormWithout })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The cross-site logout did nothing: still signed in.
        using (var dashboard = await browser.GetAsync("/dashboard"))
            Assert.Equal("/dashboard", Landed(dashboard));

        var fresh = await TokenAsync(browser, "/dashboard");
        using (var logout = await browser.PostAsync("/account/logout", Form(("__RequestVerificationToken", fresh))))
        {
            Assert.Equal("/", Landed(logout));
            Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        }
        using var after = await browser.GetAsync("/dashboard");
        Assert.Equal("/login", Landed(after));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_data_folder_database_and_uploaded_files_are_private_to_their_owner()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        var folder = Path.Combine(database.Folder, "private-data");
        try
        {
            await using var app = new JobsmithWebApp(database, new Dictionary<string, string?> { ["Jobsmith:DataDirectory"] = folder });
            using var client = app.CreateApiClient();
            var auth = await client.RegisterAsync(ApiCalls.UniqueEmail("private"));
            using var upload = await UploadAsync(client, auth.AccessToken, "Ada Lovelace\nada@example.com\n\nExperience\nEngineer at Acme 2019-2024\nSkills: Python, SQL", "resume.txt");
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

            const UnixFileMode groupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
            Assert.Contains(files, f => f.EndsWith(".txt", StringComparison.Ordinal) && f.Contains("resumes", StringComparison.Ordinal));
            Assert.All(files, f => Assert.True((File.GetUnixFileMode(f) & groupOrOther) == 0, $"{f} is {File.GetUnixFileMode(f)}"));
            Assert.All(Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories),
                d => Assert.True((File.GetUnixFileMode(d) & groupOrOther) == 0, $"{d} is {File.GetUnixFileMode(d)}"));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_body_over_the_size_limit_is_a_413_logged_as_a_warning_not_an_error()
    {
        var logs = new CapturedLogs();
        var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite);
        try
        {
            await using var app = new JobsmithWebApp(database, configure: b => b
                .ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 100_000)
                .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
            using var client = app.CreateApiClient();
            var auth = await client.RegisterAsync(ApiCalls.UniqueEmail("big"));
            using var response = await UploadAsync(client, auth.AccessToken, new string('x', 300_000), "resume.txt");

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("413", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Unreadable_uploads_do_not_pile_up_and_the_storage_quota_refuses_with_a_reason()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        var auth = await client.RegisterAsync(ApiCalls.UniqueEmail("quota"));
        for (var i = 0; i < 4; i++)
        {
            // Bytes no reader accepts: each is kept as a failed version with its error.
            using var failed = await UploadAsync(client, auth.AccessToken, "%PDF-1.4 broken " + i, "broken.pdf");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }
        var folder = Path.Combine(app.Database.Folder, "resumes");
        var userFolder = Assert.Single(Directory.GetDirectories(folder), d => Directory.GetFiles(d).Any(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Single(Directory.GetFiles(userFolder));

        using var tooMuch = await UploadAsync(client, auth.AccessToken, "Ada Lovelace\n" + new string('a', (int)HardenedHostFixture.QuotaBytes), "resume.txt");
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("quota", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(userFolder));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string accessToken, string text, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/candidates/resume/upload")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", fileName } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.SendAsync(request);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        var html = await browser.GetStringAsync(path);
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    // Where a request ended up, whether or not the client followed the redirect itself.
    private static string Landed(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            ? new Uri(new Uri("http://x"), response.Headers.Location!).AbsolutePath
            : response.RequestMessage!.RequestUri!.AbsolutePath;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) sink.Entries.Enqueue((logLevel, category, formatter(state, exception) + " " + exception?.Message));
            }
        }
    }
}

/// <summary>L4: the sign-in limit applies to sign-in attempts, not to reading who is signed in.</summary>
public sealed class SignInLimitScopeTests(Api.LowAuthLimitFixture fixture) : IClassFixture<Api.LowAuthLimitFixture>
{
    [SkippableFact]
    public async Task Who_am_i_does_not_use_up_the_sign_in_limit()
    {
        var app = await fixture.AppAsync(DatabaseProviders.Sqlite);
        using var client = app.CreateApiClient();
        // The host allows three sign-in requests a minute per address; this takes one.
        var auth = await client.RegisterAsync(ApiCalls.UniqueEmail("me"));
        for (var i = 0; i < 10; i++)
        {
            using var me = await client.SendAsync(HttpMethod.Get, "/api/auth/me", auth.AccessToken);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }
    }

}
