using System.Globalization;
using Iomete.Engine.Catalogs;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Maintenance;
using Iomete.Iceberg.Metadata;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Maintenance.Operations;

/// <summary>
/// Expire snapshots and rewrite manifests: both plan on the loaded metadata with the Iceberg library, commit through the
/// catalog (requirements: the same table and refs), and plan again on fresh metadata when a concurrent commit won.
/// </summary>
public sealed class SnapshotMaintenance(PlatformCatalog platform, TableFileIO io, TimeProvider clock, IOptions<MaintenanceOptions> options)
{
    /// <summary>Removes snapshots older than the threshold beyond the last N (and every one a branch or tag still needs), then deletes the files only they reached.</summary>
    public async Task<string> ExpireAsync(TableIdent ident, ExpireSnapshotsConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        for (var attempt = 1; ; attempt++)
        {
            var table = await platform.LoadAsync(ident, ct);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var plan = await new ExpireSnapshots(io).PlanAsync(table.Metadata, new ExpireSnapshotsOptions(now)
            {
                OlderThanMs = now - TimeSpan.FromDays(config.OlderThanDays).Ticks / TimeSpan.TicksPerMillisecond,
                RetainLast = config.RetainLast,
            }, ct);
            if (plan.Updates.Count == 0)
            {
                return "Nothing to expire";
            }
            try
            {
                await platform.Catalog.CommitAsync(ident, plan.Requirements, plan.Updates, ct);
            }
            catch (CatalogCommitConflictException) when (attempt < Attempts)
            {
                continue;
            }
            var deleted = 0;
            foreach (var location in plan.FilesToDelete)
            {
                await io.DeleteAsync(location, CancellationToken.None);
                deleted++;
            }
            return string.Create(CultureInfo.InvariantCulture,
                $"Expired {plan.ExpiredSnapshotIds.Count} snapshot(s){(plan.RemovedRefs.Count > 0 ? $" and {plan.RemovedRefs.Count} ref(s)" : "")}; deleted {deleted} file(s) no kept snapshot references");
        }
    }

    /// <summary>Merges the current snapshot's data manifests into fewer (per spec, up to the target manifest size) as a <c>replace</c> snapshot.</summary>
    public async Task<string> RewriteManifestsAsync(TableIdent ident, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var table = await platform.LoadAsync(ident, ct);
            if (table.Metadata.FormatVersion != 2)
            {
                throw new MaintenanceAbortedException($"Rewriting manifests needs a format v2 table; {ident} is v{table.Metadata.FormatVersion}");
            }
            var plan = await new RewriteManifests(io, new SnapshotIdGenerator(), clock).PlanAsync(table.Metadata, RewriteManifests.DefaultTargetSizeBytes, ct);
            if (plan.Updates.Count == 0)
            {
                return "Nothing to rewrite: every partition spec has at most one data manifest";
            }
            try
            {
                await platform.Catalog.CommitAsync(ident, plan.Requirements, plan.Updates, ct);
                return string.Create(CultureInfo.InvariantCulture,
                    $"Rewrote {plan.ManifestsReplaced} manifest(s) into {plan.ManifestsCreated} in snapshot {plan.Snapshot?.SnapshotId}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                foreach (var location in plan.WrittenFiles)
                {
                    await io.DeleteAsync(location, CancellationToken.None);
                }
                if (e is not CatalogCommitConflictException || attempt >= Attempts)
                {
                    throw;
                }
            }
        }
    }

    private int Attempts => Math.Max(1, options.Value.CommitAttempts);
}
