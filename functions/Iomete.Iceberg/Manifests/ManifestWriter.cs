using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests.Avro;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Manifests;

/// <summary>
/// Writes a format v2 manifest (Avro) for one partition spec and one snapshot, computing the manifest list
/// entry (counts, rows, partition summaries) as entries are added. New files are written with null
/// sequence numbers so that they inherit the snapshot's at commit.
/// </summary>
public sealed class ManifestWriter
{
    private readonly Schema schema;
    private readonly PartitionSpec spec;
    private readonly long snapshotId;
    private readonly ManifestContent content;
    private readonly StructType partitionType;
    private readonly PartitionSummaryBuilder summaries;
    private readonly List<ManifestEntry> entries = [];
    private long? minSequenceNumber;

    public ManifestWriter(Schema schema, PartitionSpec spec, long snapshotId, ManifestContent content = ManifestContent.Data)
    {
        this.schema = schema ?? throw new ArgumentNullException(nameof(schema));
        this.spec = spec ?? throw new ArgumentNullException(nameof(spec));
        this.snapshotId = snapshotId;
        this.content = content;
        partitionType = spec.PartitionType(schema);
        summaries = new PartitionSummaryBuilder(partitionType);
    }

    public int AddedFiles { get; private set; }

    public int ExistingFiles { get; private set; }

    public int DeletedFiles { get; private set; }

    public long AddedRows { get; private set; }

    public long ExistingRows { get; private set; }

    public long DeletedRows { get; private set; }

    /// <summary>A file added by this snapshot: status ADDED, snapshot id set, sequence numbers inherited.</summary>
    public void Add(DataFile file) => Append(new ManifestEntry(EntryStatus.Added, snapshotId, null, null, file));

    /// <summary>A file carried over from an earlier snapshot, with its original snapshot id and sequence numbers.</summary>
    public void Existing(DataFile file, long fileSnapshotId, long sequenceNumber, long fileSequenceNumber) =>
        Append(new ManifestEntry(EntryStatus.Existing, fileSnapshotId, sequenceNumber, fileSequenceNumber, file));

    /// <summary>A file this snapshot deletes, keeping the sequence numbers it was written with.</summary>
    public void Delete(DataFile file, long sequenceNumber, long fileSequenceNumber) =>
        Append(new ManifestEntry(EntryStatus.Deleted, snapshotId, sequenceNumber, fileSequenceNumber, file));

    public void Append(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var file = entry.DataFile;
        if ((content == ManifestContent.Data) != (file.Content == FileContent.Data))
        {
            throw new ArgumentException($"A {content} manifest cannot hold a {file.Content} file", nameof(entry));
        }
        if (file.Content == FileContent.EqualityDeletes && (file.EqualityIds is null || file.EqualityIds.Count == 0))
        {
            throw new ArgumentException("An equality delete file needs equality ids", nameof(entry));
        }
        if (entry.Status != EntryStatus.Added && (entry.SequenceNumber is null || entry.FileSequenceNumber is null))
        {
            throw new ArgumentException($"A {entry.Status} entry must carry explicit sequence numbers", nameof(entry));
        }
        if (file.Partition.Count != partitionType.Fields.Count)
        {
            throw new ArgumentException($"Partition tuple has {file.Partition.Count} values for {partitionType.Fields.Count} partition fields", nameof(entry));
        }
        summaries.Update(file.Partition);
        if (entry.SequenceNumber is { } seq && (minSequenceNumber is null || seq < minSequenceNumber))
        {
            minSequenceNumber = seq;
        }
        switch (entry.Status)
        {
            case EntryStatus.Added: AddedFiles++; AddedRows += file.RecordCount; break;
            case EntryStatus.Existing: ExistingFiles++; ExistingRows += file.RecordCount; break;
            default: DeletedFiles++; DeletedRows += file.RecordCount; break;
        }
        entries.Add(entry);
    }

    /// <summary>Writes the manifest and returns its manifest list entry (sequence number unassigned until the list is written).</summary>
    public ManifestFile Write(Stream output, string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        var avroSchema = ManifestSchemas.ManifestEntry(partitionType);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["schema"] = SchemaJson.ToJson(schema),
            ["schema-id"] = schema.SchemaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["partition-spec"] = JsonNode.Parse(PartitionSpecJson.ToJson(spec))!["fields"]!.ToJsonString(),
            ["partition-spec-id"] = spec.SpecId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["format-version"] = "2",
            ["content"] = content == ManifestContent.Data ? "data" : "deletes",
        };
        using var buffer = new MemoryStream();
        AvroContainer.Write(buffer, avroSchema, metadata, [.. entries.Select(e => (object?)DataFileAvro.ToAvro(e, partitionType))]);
        buffer.Position = 0;
        buffer.CopyTo(output);
        return new ManifestFile
        {
            ManifestPath = manifestPath,
            ManifestLength = buffer.Length,
            PartitionSpecId = spec.SpecId,
            Content = content,
            SequenceNumber = ManifestFile.UnassignedSequenceNumber,
            MinSequenceNumber = minSequenceNumber ?? ManifestFile.UnassignedSequenceNumber,
            AddedSnapshotId = snapshotId,
            AddedFilesCount = AddedFiles,
            ExistingFilesCount = ExistingFiles,
            DeletedFilesCount = DeletedFiles,
            AddedRowsCount = AddedRows,
            ExistingRowsCount = ExistingRows,
            DeletedRowsCount = DeletedRows,
            Partitions = summaries.Build(),
        };
    }
}
