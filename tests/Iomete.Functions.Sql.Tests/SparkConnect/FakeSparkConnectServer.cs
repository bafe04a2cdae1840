using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Iomete.Functions.Sql.SparkConnect.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>
/// A stand-in Spark Connect server: the protocol subset the SQL service speaks, served by Grpc.AspNetCore over plaintext
/// HTTP/2 on a free loopback port. SQL runs on an in-memory DuckDB database (<see cref="FakeSparkEngine"/>); results
/// come back as several Arrow IPC batches; every request is recorded.
/// </summary>
internal sealed class FakeSparkConnectServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSparkConnectServer(WebApplication app, FakeSparkService service)
    {
        _app = app;
        Service = service;
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Port = address.Port;
    }

    public int Port { get; }

    public FakeSparkService Service { get; }

    public static async Task<FakeSparkConnectServer> StartAsync(int batchRows = 10)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var service = new FakeSparkService(new FakeSparkEngine(batchRows));
        builder.Services.AddSingleton(service);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<FakeSparkService>();
        await app.StartAsync();
        return new FakeSparkConnectServer(app, service);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Service.Engine.Dispose();
    }
}

/// <summary>One ExecutePlan call as the server saw it.</summary>
internal sealed record RecordedExecution(ExecutePlanRequest Request, string? Authorization, int BatchesSent);

/// <summary>The service: records, runs, streams, interrupts.</summary>
internal sealed class FakeSparkService(FakeSparkEngine engine) : SparkConnectService.SparkConnectServiceBase
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new();

    public FakeSparkEngine Engine => engine;

    public ConcurrentQueue<RecordedExecution> Executions { get; } = new();

    /// <summary>ExecutePlan requests as they arrive (<see cref="Executions"/> records them when they end).</summary>
    public ConcurrentQueue<ExecutePlanRequest> Started { get; } = new();

    public ConcurrentQueue<InterruptRequest> Interrupts { get; } = new();

    public ConcurrentQueue<ReleaseSessionRequest> Releases { get; } = new();

    /// <summary>Set when an operation stops because it was interrupted.</summary>
    public ConcurrentQueue<string> InterruptedOperations { get; } = new();

    public override async Task ExecutePlan(ExecutePlanRequest request, IServerStreamWriter<ExecutePlanResponse> responseStream, ServerCallContext context)
    {
        Started.Enqueue(request);
        var operationId = string.IsNullOrEmpty(request.OperationId) ? Guid.NewGuid().ToString() : request.OperationId;
        using var interrupt = new CancellationTokenSource();
        _running[operationId] = interrupt;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(interrupt.Token, context.CancellationToken);
        var sent = 0;
        try
        {
            ExecutePlanResponse Response() => new() { SessionId = request.SessionId, OperationId = operationId, ResponseId = Guid.NewGuid().ToString() };
            await foreach (var answer in engine.AnswerAsync(request.Plan, linked.Token))
            {
                var response = Response();
                if (answer.Batch is { } batch)
                {
                    response.ArrowBatch = batch;
                    sent++;
                }
                else
                {
                    response.SqlCommandResult = new ExecutePlanResponse.Types.SqlCommandResult { Relation = answer.Relation };
                }
                await responseStream.WriteAsync(response, linked.Token);
            }
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            InterruptedOperations.Enqueue(operationId);
            throw new RpcException(new Status(StatusCode.Cancelled, "[OPERATION_CANCELED] Operation has been cancelled."));
        }
        catch (FakeSparkException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, ex.Message));
        }
        finally
        {
            _running.TryRemove(operationId, out _);
            Executions.Enqueue(new RecordedExecution(request, context.RequestHeaders.GetValue("authorization"), sent));
        }
    }

    public override Task<InterruptResponse> Interrupt(InterruptRequest request, ServerCallContext context)
    {
        Interrupts.Enqueue(request);
        var response = new InterruptResponse { SessionId = request.SessionId };
        if (request.InterruptType == InterruptRequest.Types.InterruptType.OperationId && _running.TryGetValue(request.OperationId, out var running))
        {
            running.Cancel();
            response.InterruptedIds.Add(request.OperationId);
        }
        return Task.FromResult(response);
    }

    public override Task<ReleaseSessionResponse> ReleaseSession(ReleaseSessionRequest request, ServerCallContext context)
    {
        Releases.Enqueue(request);
        return Task.FromResult(new ReleaseSessionResponse { SessionId = request.SessionId });
    }
}
