using System.Net;
using System.Net.Sockets;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.DurableTask.Sql.Hosting;

/// <summary>
/// The Durable Task sidecar inside this process: <see cref="TaskHubGrpcServer"/> (the gRPC service the
/// Microsoft.DurableTask worker and client speak) on a loopback HTTP/2 port, dispatching work items of the
/// registered <see cref="IOrchestrationService"/>. The port is fixed when the sidecar is created so the
/// worker and client can be given a channel before it starts listening.
/// </summary>
public sealed class DurableTaskSidecar : IHostedService, IAsyncDisposable
{
    private readonly IOrchestrationService _service;
    private readonly IOrchestrationServiceClient _client;
    private readonly ILoggerFactory _loggers;
    private readonly bool _apiServerOnly;
    private WebApplication? _server;

    public DurableTaskSidecar(
        IOrchestrationService service,
        IOrchestrationServiceClient client,
        ILoggerFactory loggers,
        IOptions<DurableTaskSidecarOptions> options)
    {
        _service = service;
        _client = client;
        _loggers = loggers;
        _apiServerOnly = options.Value.ApiServerOnly;
        Port = options.Value.Port > 0 ? options.Value.Port : FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{Port}");
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { LoggerFactory = loggers });
    }

    public int Port { get; }

    public Uri Address { get; }

    /// <summary>The channel the worker and client use; it connects on first call.</summary>
    public GrpcChannel Channel { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggers);
        builder.Services.AddSingleton(_service);
        builder.Services.AddSingleton(_client);
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = null);
        // One server instance: it holds the pending work items between GetWorkItems and their completion.
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.Configure<TaskHubGrpcServerOptions>(server =>
            server.Mode = _apiServerOnly ? TaskHubGrpcServerMode.ApiServerOnly : TaskHubGrpcServerMode.ApiServerAndDispatcher);
        var server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken);
        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_server is { } server)
        {
            await server.DisposeAsync();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
