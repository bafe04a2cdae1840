using Iomete.Engine.Reads;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Scan;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>Which snapshot a time-travel read wants: a snapshot id, a branch or tag name, or the one current at an instant.</summary>
internal sealed record SnapshotSelector(long? SnapshotId, string? RefName, long? TimestampMs)
{
    public long Resolve(TableMetadata metadata)
    {
        if (SnapshotId is { } id)
        {
            return metadata.SnapshotById(id) is not null ? id : throw new SqlObjectNotFoundException($"Snapshot {id} does not exist");
        }
        if (RefName is { } name)
        {
            return metadata.Refs.TryGetValue(name, out var reference) ? reference.SnapshotId : throw new SqlObjectNotFoundException($"Branch or tag '{name}' does not exist");
        }
        var at = TimestampMs ?? throw new InvalidOperationException("An empty snapshot selector");
        return SnapshotHistory.SnapshotIdAt(metadata, at)
            ?? throw new SqlObjectNotFoundException($"No snapshot was current at {DateTimeOffset.FromUnixTimeMilliseconds(at):O}");
    }
}
