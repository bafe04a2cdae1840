namespace Iomete.Bench;

/// <summary>The baseline: a bare ASP.NET Core minimal API answering the same JSON as our probe.</summary>
internal static class BareHost
{
    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Json(new { status = "UP" }));
        app.MapGet("/readyz", () => Results.Json(new { status = "UP" }));
        return app;
    }

    public static async Task RunAsync(int port) => await Build(port).RunAsync();
}
