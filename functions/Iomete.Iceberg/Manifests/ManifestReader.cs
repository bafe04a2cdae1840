using System.Globalization;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests.Avro;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Manifests;

/// <summary>A manifest as read: its key/value metadata (schema, spec, format version, content) and its entries.</summary>
public sealed record Manifest(Schema Schema, PartitionSpec Spec, int FormatVersion, ManifestContent Content, IReadOnlyList<ManifestEntry> Entries);

/// <summary>
/// Reads manifests (Avro). With the manifest's list entry, null snapshot ids inherit its added snapshot id, and
/// null sequence numbers of ADDED entries inherit its sequence number; v1 manifests read sequence numbers as 0.
/// </summary>
public static class ManifestReader
{
    public static async Task<Manifest> ReadAsync(Stream input, ManifestFile? manifestFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return Read(buffer.ToArray(), manifestFile);
    }

    public static Manifest Read(byte[] bytes, ManifestFile? manifestFile = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var file = AvroContainer.Read(bytes);
        var schema = SchemaJson.Parse(Required(file, "schema"));
        var specId = int.Parse(file.Meta("partition-spec-id") ?? "0", CultureInfo.InvariantCulture);
        var spec = new PartitionSpec(specId, PartitionSpecJson.ReadFields(Json.JsonRead.ParseDocument(Required(file, "partition-spec")), "partition-spec"));
        var formatVersion = int.Parse(file.Meta("format-version") ?? "1", CultureInfo.InvariantCulture);
        var content = file.Meta("content") switch
        {
            null or "data" => ManifestContent.Data,
            "deletes" => ManifestContent.Deletes,
            var other => throw new AvroFormatException($"Unknown manifest content '{other}'"),
        };
        var partitionType = spec.PartitionType(schema);
        var entries = file.Records.Select(r => Inherit(DataFileAvro.FromAvro(r, partitionType), manifestFile, formatVersion)).ToList();
        return new Manifest(schema, spec, formatVersion, content, entries);
    }

    private static ManifestEntry Inherit(ManifestEntry entry, ManifestFile? manifestFile, int formatVersion)
    {
        if (formatVersion == 1)
        {
            return entry with { SequenceNumber = 0, FileSequenceNumber = 0 };
        }
        var snapshotId = entry.SnapshotId ?? manifestFile?.AddedSnapshotId;
        long? inherited = manifestFile is { SequenceNumber: >= 0 } m ? m.SequenceNumber : null;
        if (entry.Status == EntryStatus.Added)
        {
            return entry with
            {
                SnapshotId = snapshotId,
                SequenceNumber = entry.SequenceNumber ?? inherited,
                FileSequenceNumber = entry.FileSequenceNumber ?? inherited,
            };
        }
        if (entry.SequenceNumber is null || entry.FileSequenceNumber is null)
        {
            throw new AvroFormatException($"{entry.Status} entry for '{entry.DataFile.FilePath}' has no sequence number");
        }
        return entry with { SnapshotId = snapshotId };
    }

    private static string Required(AvroFile file, string key) =>
        file.Meta(key) ?? throw new AvroFormatException($"Manifest has no '{key}' metadata");
}
