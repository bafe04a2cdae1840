using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;

namespace Iomete.Bench;

/// <summary>The baseline of the push fan-out: a bare Kestrel endpoint that writes each broadcast frame to every open stream.</summary>
internal static class RawSseHost
{
    public static async Task<Fanout> MeasureAsync(int clients, int events, int warmup)
    {
        var streams = new ConcurrentDictionary<int, Channel<byte[]>>();
        var next = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapGet("/sse", async (HttpContext context) =>
        {
            var id = Interlocked.Increment(ref next);
            var queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
            streams[id] = queue;
            try
            {
                context.Response.ContentType = "text/event-stream";
                await context.Response.Body.WriteAsync("event: hello\ndata: {}\n\n"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await foreach (var frame in queue.Reader.ReadAllAsync(context.RequestAborted))
                {
                    await context.Response.Body.WriteAsync(frame, context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                streams.TryRemove(id, out _);
            }
        });
        await app.StartAsync();
        using var http = SseListeners.NewClient(new Uri(BenchPlatform.AddressOf(app)));
        await using var listeners = await SseListeners.ConnectAsync(http, "/sse", clients);
        var sequence = 0L;
        var result = await listeners.TimeAsync(events, warmup, tag =>
        {
            var frame = Encoding.UTF8.GetBytes($"id: {++sequence}\nevent: health.status\ndata: {{\"component\":\"{tag}\"}}\n\n");
            foreach (var queue in streams.Values)
            {
                queue.Writer.TryWrite(frame);
            }
            return Task.CompletedTask;
        });
        await listeners.DisposeAsync();
        await app.StopAsync();
        return result;
    }
}
