using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Tables;

public sealed class GetTableMetrics(CatalogTableAccess tables, TableFileStats files, IOptions<CatalogMetricsOptions> options)
{
    [Function("catalog-tables-metrics-get")]
    [OpenApiOperation("Data catalog", "Get a table's storage metrics",
        Description = "Size and data files over all snapshots against the live (current) snapshot, the live-data ratio, and an alert when old snapshots hold most of a large table.")]
    [OpenApiResponse(200, typeof(TableMetricsView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = GetTableDetails.Route + "/metrics")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var loaded = await tables.LoadTableAsync(request, new TableKey(catalog, database, table), ct);
        var m = loaded.Metadata;
        var perSnapshot = await files.DataFilesAsync(m.Snapshots, ct);
        var all = perSnapshot.Values.SelectMany(f => f).GroupBy(f => f.FilePath, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var live = m.CurrentSnapshotId is { } id && perSnapshot.TryGetValue(id, out var current) ? current : [];
        var allSize = all.Sum(f => f.FileSizeInBytes);
        var liveSize = live.Sum(f => f.FileSizeInBytes);
        var ratio = allSize == 0 ? 1.0 : (double)liveSize / allSize;
        var o = options.Value;
        return ApiResults.Ok(new TableMetricsView(allSize, all.Count, liveSize, live.Count, m.Snapshots.Count, Math.Round(ratio, 4),
            Alert(allSize, liveSize, o), o.AlertMinTotalBytes, o.AlertMaxLiveRatio));
    }

    /// <summary>Old snapshots hold most of a large table: the total is above the threshold and the live share below the minimum.</summary>
    public static bool Alert(long allSize, long liveSize, CatalogMetricsOptions o) =>
        allSize > o.AlertMinTotalBytes && (allSize == 0 ? 1.0 : (double)liveSize / allSize) < o.AlertMaxLiveRatio;
}
