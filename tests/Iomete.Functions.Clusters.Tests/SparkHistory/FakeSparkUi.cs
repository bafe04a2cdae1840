using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Clusters.Tests.SparkHistory;

/// <summary>A stand-in Spark UI (history server or driver): answers every GET with what it was asked, and redirects <c>/history/{id}</c> like Spark.</summary>
internal sealed class FakeSparkUi : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeSparkUi(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeSparkUi> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var ui = new FakeSparkUi(app);
        app.MapGet("/{**path}", (HttpContext context, string? path) =>
        {
            var asked = "/" + path + context.Request.QueryString;
            ui.Requests.Enqueue(asked);
            var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments is ["history", var id])
                return Results.Redirect($"{ui.Address}history/{id}/jobs/");
            return Results.Text($"<html>{name} {asked}</html>", "text/html");
        });
        await app.StartAsync();
        ui.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return ui;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
