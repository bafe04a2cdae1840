using Iomete.Functions.EventStreams.Ingest.Runtime;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>One ingest request from headers to acknowledgement: validate, authorize, find the running pipeline, hand it the body.</summary>
public sealed class EventIngestion
{
    private readonly IEventStreamLookup streams;
    private readonly StreamRuntime runtime;
    private readonly IngestAccess access;
    private readonly TableShapes shapes;

    internal EventIngestion(IEventStreamLookup streams, StreamRuntime runtime, IngestAccess access, TableShapes shapes)
    {
        this.streams = streams;
        this.runtime = runtime;
        this.access = access;
        this.shapes = shapes;
    }

    public async Task<IngestResponse> IngestAsync(Caller caller, HttpRequest request, string @namespace, string stream, CancellationToken ct)
    {
        var table = IngestHeaders.Table(request);
        var key = IngestHeaders.IdempotencyKey(request);
        var ndjson = IngestHeaders.IsNdjson(request);
        var found = await streams.FindAsync(@namespace, stream, ct) ?? throw new NotFoundException("Event stream", $"{@namespace}/{stream}");
        await access.RequireStreamAsync(caller, found, ct);
        await access.RequireInsertAsync(caller, request, table, ct);
        var pipeline = runtime.Pipeline(found.Id) ?? throw IngestErrors.NotRunning(found.Name, runtime.Draining);
        var shape = await shapes.GetAsync(table, ct);
        var (buffer, length) = await IngestBody.ReadAsync(request, found.Settings.MaxRequestBytes, ct);
        try
        {
            return await pipeline.IngestAsync(new IngestRequest(shape, buffer.AsMemory(0, length), ndjson, key), ct);
        }
        finally
        {
            // The pipeline keeps only what it normalized (its own buffers), never the request body.
            IngestBody.Return(buffer);
        }
    }
}
