using System.Collections.Concurrent;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Iceberg.IO;
using Iomete.Platform.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.EventStreams.Ingest.Runtime;

/// <summary>
/// The stream pipelines of this process (<see cref="IStreamRuntime"/>). At start it resumes every stream that was
/// running (recovering its log, then ACTIVE); at shutdown it refuses new events (503) and drains every pipeline
/// within <see cref="EventStreamsOptions.DrainTimeout"/>, leaving anything not committed safely in the log.
/// </summary>
internal sealed partial class StreamRuntime(
    IEventStreamLookup streams,
    PlatformCatalog platform,
    TableFileIO io,
    IOptions<EventStreamsOptions> options,
    IOptions<IometeOptions> platformOptions,
    TimeProvider time,
    IHostApplicationLifetime lifetimeEvents,
    ILoggerFactory loggers) : IStreamRuntime, IHostedService
{
    private readonly ConcurrentDictionary<string, StreamPipeline> pipelines = new(StringComparer.Ordinal);
    private readonly ILogger logger = loggers.CreateLogger<StreamRuntime>();
    private readonly CancellationTokenSource lifetime = new();
    private volatile bool draining;

    public bool Draining => draining;

    public string Root => options.Value.WalDirectory ?? Path.Combine(platformOptions.Value.DataDir, "event-streams");

    /// <summary>The pipeline of a stream running in this process, or null.</summary>
    public StreamPipeline? Pipeline(string streamId) => pipelines.GetValueOrDefault(streamId);

    public void Start(EventStream stream)
    {
        if (draining || !options.Value.RunPipelines)
        {
            return;
        }
        if (pipelines.TryGetValue(stream.Id, out var running) && running.State is PipelineState.Starting or PipelineState.Active)
        {
            running.Reconfigure(stream);
            return;
        }
        var pipeline = new StreamPipeline(stream, Path.Combine(Root, stream.Id), options.Value, platform.Catalog, io, time, loggers.CreateLogger<StreamPipeline>());
        if (!pipelines.TryAdd(stream.Id, pipeline))
        {
            return;
        }
        pipeline.Started = Task.Run(async () =>
        {
            try
            {
                await pipeline.StartAsync(lifetime.Token);
                await streams.SetStatusAsync(stream.Id, EventStreamStatus.Active, lifetime.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !lifetime.IsCancellationRequested)
            {
                LogStartFailed(logger, e, stream.Name);
                pipelines.TryRemove(new KeyValuePair<string, StreamPipeline>(stream.Id, pipeline));
                await pipeline.DisposeAsync();
            }
        });
    }

    public async Task StopAsync(string streamId, CancellationToken ct)
    {
        if (!pipelines.TryRemove(streamId, out var pipeline))
        {
            return;
        }
        // A start still under way finishes first (and sets ACTIVE), so the caller's STOPPED is the last word.
        await pipeline.Started.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.DrainTimeout);
        try
        {
            await pipeline.StopAsync(timeout.Token);
        }
        finally
        {
            await pipeline.DisposeAsync();
        }
    }

    public Task ForgetAsync(string streamId, CancellationToken ct)
    {
        var directory = Path.Combine(Root, streamId);
        if (!pipelines.ContainsKey(streamId) && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        return Task.CompletedTask;
    }

    public StreamMetrics? Metrics(string streamId) => pipelines.GetValueOrDefault(streamId)?.Metrics();

    async Task IHostedService.StartAsync(CancellationToken ct)
    {
        if (!options.Value.RunPipelines)
        {
            return;
        }
        // Drain while the server still answers: commits reach the catalog over HTTP (loopback here, Dapr in a
        // cluster), and the web server stops before hosted services registered ahead of it.
        lifetimeEvents.ApplicationStopping.Register(() => DrainAllAsync(CancellationToken.None).GetAwaiter().GetResult());
        foreach (var stream in await streams.ListRunnableAsync(ct))
        {
            if (stream.Status == EventStreamStatus.Active)
            {
                await streams.SetStatusAsync(stream.Id, EventStreamStatus.Starting, ct);
            }
            Start(stream);
        }
    }

    async Task IHostedService.StopAsync(CancellationToken ct)
    {
        await DrainAllAsync(ct);
        await lifetime.CancelAsync();
    }

    private async Task DrainAllAsync(CancellationToken ct)
    {
        draining = true;
        await Task.WhenAll(pipelines.Keys.ToList().Select(id => StopAsync(id, ct)));
    }

    [LoggerMessage(EventId = 5131, Level = LogLevel.Error, Message = "Event stream {Stream} could not start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string stream);
}
