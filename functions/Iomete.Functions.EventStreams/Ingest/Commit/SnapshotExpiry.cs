using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Maintenance;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>
/// Expires a stream table's snapshots older than the stream's retention (keeping at least its minimum), so frequent
/// commits do not grow the metadata without bound; files only expired snapshots reached are deleted afterwards.
/// </summary>
internal static class SnapshotExpiry
{
    public static async Task<int> ExpireAsync(CommitContext context, TableIdent ident, CancellationToken ct)
    {
        var table = await context.Catalog.LoadTableAsync(ident, ct);
        if (table is null)
        {
            return 0;
        }
        var now = context.NowMs;
        var settings = context.Settings;
        var plan = await new ExpireSnapshots(context.Io).PlanAsync(table.Metadata, new ExpireSnapshotsOptions(now)
        {
            OlderThanMs = now - (settings.SnapshotRetentionMinutes * 60_000L),
            RetainLast = settings.MinSnapshotsToKeep,
        }, ct);
        if (plan.Updates.Count == 0)
        {
            return 0;
        }
        try
        {
            await context.Catalog.CommitAsync(ident, plan.Requirements, plan.Updates, ct);
        }
        catch (CatalogCommitConflictException)
        {
            return 0;
        }
        foreach (var location in plan.FilesToDelete)
        {
            try
            {
                await context.Io.DeleteAsync(location, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An undeleted file is an orphan for remove-orphan-files, never a loss.
            }
        }
        return plan.ExpiredSnapshotIds.Count;
    }
}
