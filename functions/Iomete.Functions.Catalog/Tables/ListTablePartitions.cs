using System.Globalization;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Iceberg.Scan;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

public sealed class ListTablePartitions(CatalogTableAccess tables, ScanPlanner planner)
{
    [Function("catalog-tables-partitions-list")]
    [OpenApiOperation("Data catalog", "List a table's partitions",
        Description = "Partition values of the current snapshot with their data files, rows and size, from the manifests. Refused (403) when a row filter, mask or deny on a partition column applies to the caller: the values would show what the policy hides.")]
    [OpenApiResponse(200, typeof(PartitionsView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = GetTableDetails.Route + "/partitions")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        await tables.RequireAsync(request, domain, manage: false, ct);
        var loaded = await tables.LoadTableAsync(request, new TableKey(catalog, database, table), ct);
        var m = loaded.Metadata;
        var schema = m.CurrentSchema;
        var sources = m.PartitionSpecs.SelectMany(s => s.Fields).Select(f => TableShapes.ColumnName(schema, f)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (loaded.DataPolicy is { } policy &&
            (!policy.Readable || policy.RowFilter is not null || policy.DeniedColumns.Any(sources.Contains) || policy.Masks.Keys.Any(sources.Contains)))
        {
            throw new ForbiddenException($"Your data policy restricts what you may read of '{catalog}.{database}.{table}', so its partition values are not shown.");
        }
        var plan = await planner.PlanAsync(new TableScan(m), ct);
        var items = plan.Tasks
            .Select(t => t.DataFile)
            .GroupBy(f => (f.SpecId, Key: string.Join('\u0001', f.File.Partition.Select(Text))))
            .Select(g =>
            {
                var spec = m.SpecById(g.Key.SpecId);
                var first = g.First().File.Partition;
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < first.Count && spec is not null && i < spec.Fields.Count; i++)
                {
                    values[spec.Fields[i].Name] = first[i] is null ? null : Text(first[i]);
                }
                return new PartitionView(g.Key.SpecId, values, g.LongCount(), g.Sum(f => f.File.RecordCount), g.Sum(f => f.File.FileSizeInBytes));
            })
            .OrderBy(p => p.SpecId)
            .ThenBy(p => string.Join('\u0001', p.Values.Values), StringComparer.Ordinal)
            .ToList();
        var fields = m.DefaultSpec.Fields.Select(f => new PartitionFieldView(f.Name, TableShapes.ColumnName(schema, f), f.Transform.ToString())).ToList();
        return ApiResults.Ok(new PartitionsView(fields, items));
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        byte[] b => Convert.ToHexString(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
