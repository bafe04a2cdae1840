using System.Globalization;
using Iomete.Iceberg.Manifests.Avro;

namespace Iomete.Iceberg.Manifests;

/// <summary>
/// Writes a snapshot's manifest list (Avro). Manifests added by this snapshot with an unassigned sequence number
/// get the snapshot's sequence number (and, if unassigned, as their minimum) — the commit-time assignment.
/// </summary>
public static class ManifestListWriter
{
    public static IReadOnlyList<ManifestFile> Write(
        Stream output, long snapshotId, long? parentSnapshotId, long sequenceNumber, IEnumerable<ManifestFile> manifests, int formatVersion = 2)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(manifests);
        if (formatVersion is < 2 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(formatVersion), formatVersion, "Manifest lists are written as format v2 or v3");
        }
        var assigned = manifests.Select(m => Assign(m, snapshotId, sequenceNumber)).ToList();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["snapshot-id"] = snapshotId.ToString(CultureInfo.InvariantCulture),
            ["parent-snapshot-id"] = parentSnapshotId?.ToString(CultureInfo.InvariantCulture) ?? "null",
            ["sequence-number"] = sequenceNumber.ToString(CultureInfo.InvariantCulture),
            ["format-version"] = formatVersion.ToString(CultureInfo.InvariantCulture),
        };
        AvroContainer.Write(output, ManifestSchemas.ManifestFile(formatVersion), metadata, [.. assigned.Select(m => (object?)ManifestFileAvro.ToAvro(m))]);
        return assigned;
    }

    private static ManifestFile Assign(ManifestFile m, long snapshotId, long sequenceNumber)
    {
        if (m.SequenceNumber != ManifestFile.UnassignedSequenceNumber)
        {
            return m;
        }
        if (m.AddedSnapshotId != snapshotId)
        {
            throw new ArgumentException($"Manifest '{m.ManifestPath}' of snapshot {m.AddedSnapshotId} has no sequence number", nameof(m));
        }
        return m with
        {
            SequenceNumber = sequenceNumber,
            MinSequenceNumber = m.MinSequenceNumber == ManifestFile.UnassignedSequenceNumber ? sequenceNumber : m.MinSequenceNumber,
        };
    }
}
