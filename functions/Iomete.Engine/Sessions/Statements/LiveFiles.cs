using Iomete.Engine.Catalogs;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>The data files of a table's current snapshot (as the scan planner sees them).</summary>
internal static class LiveFiles
{
    public static async Task<IReadOnlyCollection<string>> DataFilePathsAsync(StatementContext context, CatalogTable table, CancellationToken ct)
    {
        var plan = await context.Mirror.Relations.Reader.PlanAsync(table.Metadata, null, null, ct);
        return plan.Scan.Tasks.Select(t => t.DataFile.File.FilePath).Distinct(StringComparer.Ordinal).ToList();
    }
}
