using System.Net;
using Dapr.Client;
using Iomete.Platform.Dapr;
using Iomete.Platform.Http;
using Iomete.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.App.Tests.Dapr;

/// <summary>
/// A stand-in Dapr sidecar on loopback: the runtime's gRPC service (plaintext HTTP/2, <see cref="SidecarService"/>)
/// and the HTTP invocation API (<c>/v1.0/invoke/{appId}/method/{path}</c>, HTTP/1.1), which answers every call with
/// 202 and echoes what it received in headers, and records it.
/// </summary>
internal sealed class FakeDaprSidecar : IAsyncDisposable
{
    public const string PubSubName = "iomete-pubsub";
    public const string StateStoreName = "iomete-state";
    public const string ApiToken = "sidecar-token";

    private readonly WebApplication _app;

    private FakeDaprSidecar(WebApplication app, SidecarState state, int grpcPort, int httpPort)
    {
        _app = app;
        State = state;
        GrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
        HttpEndpoint = new Uri($"http://127.0.0.1:{httpPort}/");
        Client = new DaprClientBuilder().UseGrpcEndpoint(GrpcEndpoint).UseHttpEndpoint(HttpEndpoint.ToString())
            .UseJsonSerializationOptions(Json.Options).Build();
    }

    public SidecarState State { get; }

    public string GrpcEndpoint { get; }

    public Uri HttpEndpoint { get; }

    public DaprClient Client { get; }

    /// <summary>The component names the adapters must use: not Dapr's defaults, so a test fails if they are ignored.</summary>
    public static IOptions<DaprOptions> Options { get; } =
        Microsoft.Extensions.Options.Options.Create(new DaprOptions { PubSubName = PubSubName, StateStoreName = StateStoreName });

    public static async Task<FakeDaprSidecar> StartAsync()
    {
        var grpcPort = TestProcess.FreePort();
        var httpPort = TestProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, grpcPort, l => l.Protocols = HttpProtocols.Http2);
            k.Listen(IPAddress.Loopback, httpPort, l => l.Protocols = HttpProtocols.Http1);
        });
        var state = new SidecarState(PubSubName, StateStoreName);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<SidecarService>();
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<SidecarService>();
        app.Map("/v1.0/invoke/{appId}/method/{**path}", (HttpContext context, string appId, string? path) => InvokeAsync(context, state, appId, path));
        await app.StartAsync();
        return new FakeDaprSidecar(app, state, grpcPort, httpPort);
    }

    private static async Task InvokeAsync(HttpContext context, SidecarState state, string appId, string? path)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        state.Invocations.Enqueue(new RecordedInvocation(context.Request.Method, appId, path ?? "", context.Request.QueryString.Value ?? "", headers, body));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["x-callee"] = appId;
        await context.Response.WriteAsync($"{context.Request.Method} {path}{context.Request.QueryString} {body}", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
