using Iomete.Functions.LocalHost.Adapters;
using Iomete.Functions.LocalHost.Hosting;
using Iomete.Platform.Security;

namespace Iomete.Functions.LocalHost;

/// <summary>
/// The single-process host: every function of every service as ASP.NET Core endpoints, with
/// embedded defaults (SQLite, a local warehouse folder) and in-process Dapr stand-ins.
/// </summary>
public static class LocalHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, WebRootPath = ConsoleHosting.PublishedWebRoot() });
        builder.Services.AddIometeServices();
        builder.Services.AddLocalAdapters();
        builder.Services.PostConfigure<InternalCallOptions>(o => o.AppApiToken ??= LocalAppToken.Create());
        builder.WebHost.UseConsoleAssets();
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = builder.Build();
        app.UseMiddleware<FunctionPipelineMiddleware>();
        app.UseConsolePages();
        app.UseRouting();
        app.MapFunctions();
        app.MapConsoleAssets();
        return app;
    }
}
