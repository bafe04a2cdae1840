using System.Globalization;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Maintenance;

/// <summary>
/// What to expire: snapshots older than <see cref="OlderThanMs"/> (default: now minus the table property
/// <c>history.expire.max-snapshot-age-ms</c>, 5 days), keeping at least <see cref="RetainLast"/> ancestors of each
/// branch (default: <c>history.expire.min-snapshots-to-keep</c>, 1). A branch's own <c>max-snapshot-age-ms</c> and
/// <c>min-snapshots-to-keep</c> win over both; refs older than their <c>max-ref-age-ms</c> (default
/// <c>history.expire.max-ref-age-ms</c>, never) are removed, except <c>main</c>.
/// </summary>
public sealed record ExpireSnapshotsOptions(long NowMs)
{
    public long? OlderThanMs { get; init; }

    public int? RetainLast { get; init; }
}

/// <summary>
/// The commit to send (<see cref="Requirements"/>, <see cref="Updates"/>; empty updates mean nothing to expire) and the
/// files to delete once it succeeded: manifest lists, manifests, data and delete files and statistics files reachable
/// only from expired snapshots.
/// </summary>
public sealed record ExpireSnapshotsPlan(
    IReadOnlyList<TableRequirement> Requirements,
    IReadOnlyList<TableUpdate> Updates,
    IReadOnlyList<long> ExpiredSnapshotIds,
    IReadOnlyList<string> RemovedRefs,
    IReadOnlyList<string> FilesToDelete);

/// <summary>Plans snapshot expiration as the Java reference (RemoveSnapshots) decides it; never writes the table.</summary>
public sealed partial class ExpireSnapshots(TableFileIO io, int maxConcurrency = 8)
{
    public const string MaxSnapshotAgeProperty = "history.expire.max-snapshot-age-ms";
    public const string MinSnapshotsToKeepProperty = "history.expire.min-snapshots-to-keep";
    public const string MaxRefAgeProperty = "history.expire.max-ref-age-ms";
    public const long DefaultMaxSnapshotAgeMs = 5L * 24 * 60 * 60 * 1000;

    public async Task<ExpireSnapshotsPlan> PlanAsync(TableMetadata metadata, ExpireSnapshotsOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RetainLast is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RetainLast, "retain-last must be at least 1");
        }
        var now = options.NowMs;
        var olderThan = options.OlderThanMs ?? now - Property(metadata, MaxSnapshotAgeProperty, DefaultMaxSnapshotAgeMs);
        var minToKeep = options.RetainLast ?? (int)Property(metadata, MinSnapshotsToKeepProperty, 1);
        var maxRefAge = Property(metadata, MaxRefAgeProperty, long.MaxValue);

        var removedRefs = new List<string>();
        var retainedRefs = new List<SnapshotRef>();
        foreach (var (name, r) in metadata.Refs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var snapshot = metadata.SnapshotById(r.SnapshotId);
            var refAge = r.MaxRefAgeMs ?? maxRefAge;
            if (name != SnapshotRef.MainBranch && (snapshot is null || now - snapshot.TimestampMs > refAge))
            {
                removedRefs.Add(name);
            }
            else
            {
                retainedRefs.Add(r);
            }
        }

        var retained = new HashSet<long>();
        var referenced = new HashSet<long>();
        foreach (var r in retainedRefs)
        {
            retained.Add(r.SnapshotId);
            if (!r.IsBranch)
            {
                referenced.Add(r.SnapshotId);
                continue;
            }
            var branchOlderThan = r.MaxSnapshotAgeMs is { } age ? now - age : olderThan;
            var branchMin = r.MinSnapshotsToKeep ?? minToKeep;
            var kept = 0;
            var keeping = true;
            for (var s = metadata.SnapshotById(r.SnapshotId); s is not null; s = s.ParentSnapshotId is { } p ? metadata.SnapshotById(p) : null)
            {
                referenced.Add(s.SnapshotId);
                if (keeping && (kept < branchMin || s.TimestampMs >= branchOlderThan))
                {
                    retained.Add(s.SnapshotId);
                    kept++;
                }
                else
                {
                    keeping = false;
                }
            }
        }
        foreach (var s in metadata.Snapshots)
        {
            if (!referenced.Contains(s.SnapshotId) && s.TimestampMs >= olderThan)
            {
                retained.Add(s.SnapshotId);
            }
        }
        if (metadata.CurrentSnapshotId is { } current)
        {
            retained.Add(current);
        }

        var expired = metadata.Snapshots.Where(s => !retained.Contains(s.SnapshotId)).ToList();
        var requirements = Requirements(metadata);
        var updates = new List<TableUpdate>(removedRefs.Select(n => new RemoveSnapshotRef(n)));
        if (expired.Count > 0)
        {
            updates.Add(new RemoveSnapshots([.. expired.Select(s => s.SnapshotId)]));
        }
        var files = expired.Count == 0 ? [] : await UnreachableFilesAsync(metadata, expired, ct);
        return new ExpireSnapshotsPlan(requirements, updates, [.. expired.Select(s => s.SnapshotId)], removedRefs, files);
    }

    /// <summary>The commit must see the same table and the same refs the plan was made from.</summary>
    private static List<TableRequirement> Requirements(TableMetadata metadata)
    {
        var requirements = new List<TableRequirement>();
        if (metadata.TableUuid is { } uuid)
        {
            requirements.Add(new AssertTableUuid(uuid));
        }
        requirements.AddRange(metadata.Refs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new AssertRefSnapshotId(p.Key, p.Value.SnapshotId)));
        return requirements;
    }

    private static long Property(TableMetadata metadata, string name, long fallback) =>
        metadata.Properties.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}
