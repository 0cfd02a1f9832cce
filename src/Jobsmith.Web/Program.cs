using Jobsmith.Core.Hosting;
using Jobsmith.Web.Hosting;

PrivateFiles.RestrictNewFiles();

var builder = WebApplication.CreateBuilder(args);
builder.AddJobsmithWeb();

var app = builder.Build();
app.UseJobsmithWeb();
await app.RunAsync();

/// <summary>Entry point; public so the test host (WebApplicationFactory) can start it.</summary>
public partial class Program;
