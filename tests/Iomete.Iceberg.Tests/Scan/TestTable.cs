using System.Globalization;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Types;
using Iomete.Platform.Storage;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Scan;

/// <summary>
/// A real table in a temp folder: metadata kept in memory, manifests and manifest lists written through
/// <see cref="TableFileIO"/> over <see cref="LocalFolderObjectStore"/>; every commit goes through <see cref="MetadataUpdater"/>.
/// </summary>
internal sealed class TestTable : IDisposable
{
    public static readonly Schema Schema = new(0,
    [
        T.Required(1, "id", T.Long),
        T.Optional(2, "name", T.String),
        T.Optional(3, "ts", T.TimestampTz),
        T.Optional(4, "price", T.Double),
        T.Optional(5, "category", T.String),
        T.Optional(6, "amount", T.Decimal(10, 2)),
    ]);

    /// <summary>Spec 0: identity(category).</summary>
    public static readonly PartitionSpec CategorySpec = new(0, [new PartitionField(5, 1000, "category", Transform.Identity)]);

    private readonly string root;
    private long clock = 1_700_000_000_000;
    private int fileNumber;

    public TestTable(PartitionSpec? spec = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        root = Path.Combine(Path.GetTempPath(), "iceberg-scan-" + Guid.NewGuid().ToString("N"));
        IO = new TableFileIO(new LocalFolderObjectStore(root));
        Metadata = TableMetadata.NewTable(Schema, spec ?? CategorySpec, SortOrder.Unsorted, IO.Root + "/db/t", properties,
            tableUuid: Guid.NewGuid(), timestampMs: clock);
    }

    public TableFileIO IO { get; }

    public TableMetadata Metadata { get; set; }

    public string Location => Metadata.Location;

    public long Now => clock;

    /// <summary>Adds a partition spec (next id) and makes it the default.</summary>
    public void Evolve(params PartitionField[] fields) =>
        Metadata = MetadataUpdater.Apply(Metadata, [new AddPartitionSpec(new PartitionSpec(0, fields)), new SetDefaultSpec(TableUpdate.LastAdded)], clock);

    public string DataPath(string name) => $"{Location}/data/{name}-{fileNumber++}.parquet";

    /// <summary>Commits a snapshot on main that keeps the parent's manifests and adds one manifest per non-empty group.</summary>
    public async Task<Snapshot> CommitAsync(
        IReadOnlyList<DataFile> data, IReadOnlyList<DataFile>? deletes = null, int? specId = null, string operation = "append",
        Func<ManifestFile, bool>? dropParentManifest = null, Func<long, Task<ManifestFile>>? extraManifest = null)
    {
        clock += 60_000;
        var id = new SnapshotIdGenerator().Next(Metadata);
        var sequence = Metadata.LastSequenceNumber + 1;
        var spec = Metadata.SpecById(specId ?? Metadata.DefaultSpecId)!;
        var manifests = new List<ManifestFile>();
        if (Metadata.CurrentSnapshot is { } parent)
        {
            manifests.AddRange(ManifestListReader.Read(await IO.ReadAllAsync(parent.ManifestList, default)).Manifests
                .Where(m => dropParentManifest is null || !dropParentManifest(m)));
        }
        if (data.Count > 0)
        {
            manifests.Insert(0, await WriteManifestAsync(spec, id, ManifestContent.Data, data));
        }
        if (extraManifest is not null)
        {
            manifests.Insert(0, await extraManifest(id));
        }
        if (deletes is { Count: > 0 })
        {
            manifests.Add(await WriteManifestAsync(spec, id, ManifestContent.Deletes, deletes));
        }
        var listPath = $"{Location}/metadata/snap-{id}.avro";
        using (var buffer = new MemoryStream())
        {
            ManifestListWriter.Write(buffer, id, Metadata.CurrentSnapshotId, sequence, manifests);
            await IO.WriteAsync(listPath, buffer.ToArray(), default);
        }
        var snapshot = new Snapshot(id, Metadata.CurrentSnapshotId, sequence, clock, listPath,
            new Dictionary<string, string> { ["operation"] = operation, ["total-records"] = "0" }, Metadata.CurrentSchemaId);
        Metadata = MetadataUpdater.Apply(Metadata, [new AddSnapshot(snapshot), new SetSnapshotRef("main", SnapshotRef.Branch(id))], clock);
        return snapshot;
    }

    public async Task<ManifestFile> WriteManifestAsync(PartitionSpec spec, long snapshotId, ManifestContent content, IEnumerable<DataFile> files)
    {
        var writer = new ManifestWriter(Metadata.CurrentSchema, spec, snapshotId, content);
        foreach (var file in files)
        {
            writer.Add(file);
        }
        var path = $"{Location}/metadata/m-{Guid.NewGuid():N}.avro";
        using var buffer = new MemoryStream();
        var manifest = writer.Write(buffer, path);
        await IO.WriteAsync(path, buffer.ToArray(), default);
        return manifest;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A data file with metrics for the listed columns: (id, lower, upper, nulls, nans); values count = records.</summary>
    public DataFile File(string name, object?[] partition, long records, params (int Id, object? Lower, object? Upper, long Nulls, long? Nans)[] metrics) =>
        Files.Data(DataPath(name), partition, records, metrics);
}

internal static class Files
{
    public static DataFile Data(string path, object?[] partition, long records, params (int Id, object? Lower, object? Upper, long Nulls, long? Nans)[] metrics)
    {
        var lower = new Dictionary<int, byte[]>();
        var upper = new Dictionary<int, byte[]>();
        foreach (var m in metrics)
        {
            var type = (PrimitiveType)TestTable.Schema.FindField(m.Id)!.Type;
            if (m.Lower is not null)
            {
                lower[m.Id] = m.Lower as byte[] ?? SingleValue.Serialize(type, m.Lower);
            }
            if (m.Upper is not null)
            {
                upper[m.Id] = m.Upper as byte[] ?? SingleValue.Serialize(type, m.Upper);
            }
        }
        return new DataFile
        {
            FilePath = path,
            Partition = partition,
            RecordCount = records,
            FileSizeInBytes = 1000,
            ValueCounts = metrics.ToDictionary(m => m.Id, _ => records),
            NullValueCounts = metrics.ToDictionary(m => m.Id, m => m.Nulls),
            NanValueCounts = metrics.Where(m => m.Nans is not null).ToDictionary(m => m.Id, m => m.Nans!.Value),
            LowerBounds = lower,
            UpperBounds = upper,
        };
    }

    public static DataFile PositionDeletes(string path, object?[] partition, string? referencedDataFile = null) => new()
    {
        Content = FileContent.PositionDeletes,
        FilePath = path,
        Partition = partition,
        RecordCount = 1,
        FileSizeInBytes = 100,
        LowerBounds = referencedDataFile is null ? null : new Dictionary<int, byte[]> { [2147483546] = System.Text.Encoding.UTF8.GetBytes(referencedDataFile) },
        UpperBounds = referencedDataFile is null ? null : new Dictionary<int, byte[]> { [2147483546] = System.Text.Encoding.UTF8.GetBytes(referencedDataFile) },
    };

    public static DataFile EqualityDeletes(string path, object?[] partition) => new()
    {
        Content = FileContent.EqualityDeletes,
        FilePath = path,
        Partition = partition,
        RecordCount = 1,
        FileSizeInBytes = 100,
        EqualityIds = [1],
    };

    public static long Micros(string iso) => IcebergValues.TimestampTz(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));
}
