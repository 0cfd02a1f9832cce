// P5's baseline: the smallest ASP.NET Core app on the same Kestrel defaults as the web host (WebApplication.CreateBuilder,
// HTTP/1.1 on loopback, console logging at Warning for ASP.NET Core), so the web API's requests/s are compared against
// what the framework itself serves on this machine in the same run.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/hello", () => "hello");
await app.RunAsync();
