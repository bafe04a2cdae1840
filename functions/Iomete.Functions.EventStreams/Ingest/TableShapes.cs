using System.Collections.Concurrent;
using Iomete.Engine.Catalogs;
using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.EventStreams.Ingest;

/// <summary>
/// Tables' current shapes, reloaded after <see cref="EventStreamsOptions.DecisionCacheLifetime"/> (a schema change is
/// seen by ingest within it; rows are read back by column name at commit, so a column added meanwhile is filled
/// from then on).
/// </summary>
internal sealed class TableShapes(PlatformCatalog platform, IOptions<EventStreamsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<TableIdent, (TableShape Shape, long Until)> shapes = new();

    public async Task<TableShape> GetAsync(TableIdent table, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (shapes.TryGetValue(table, out var cached) && cached.Until > now)
        {
            return cached.Shape;
        }
        var loaded = await platform.Catalog.LoadTableAsync(table, ct) ?? throw new NotFoundException("Table", table.ToString());
        TableShape shape;
        try
        {
            shape = TableShape.Of(table, loaded.Metadata);
        }
        catch (NotSupportedException e)
        {
            throw new ValidationException($"Table '{table}' cannot receive events: {e.Message}");
        }
        shapes[table] = (shape, now + (long)options.Value.DecisionCacheLifetime.TotalMilliseconds);
        return shape;
    }
}
