using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Iceberg.Tests.Manifests;

/// <summary>A table schema and spec that exercise every partition value type the manifest writes.</summary>
internal static class ManifestFixtures
{
    public static readonly Schema Schema = new(3,
    [
        T.Required(1, "id", T.Long),
        T.Optional(2, "name", T.String),
        T.Optional(3, "ts", T.TimestampTz),
        T.Optional(4, "price", T.Decimal(10, 2)),
        T.Optional(5, "key", T.Uuid),
        T.Optional(6, "flag", T.Boolean),
        T.Optional(7, "score", T.Double),
        T.Optional(8, "code", T.Fixed(2)),
        T.Optional(9, "blob", T.Binary),
        T.Optional(10, "day", T.Date),
        T.Optional(11, "ratio", T.Float),
    ]);

    public static readonly PartitionSpec Spec = new(4,
    [
        new PartitionField(1, 1000, "id_bucket", Transform.Bucket(16)),
        new PartitionField(2, 1001, "name", Transform.Identity),
        new PartitionField(3, 1002, "ts_hour", Transform.Hour),
        new PartitionField(4, 1003, "price", Transform.Identity),
        new PartitionField(5, 1004, "key", Transform.Identity),
        new PartitionField(6, 1005, "flag", Transform.Identity),
        new PartitionField(7, 1006, "score", Transform.Identity),
        new PartitionField(8, 1007, "code", Transform.Identity),
        new PartitionField(9, 1008, "blob", Transform.Identity),
        new PartitionField(10, 1009, "day", Transform.Identity),
        new PartitionField(11, 1010, "ratio", Transform.Identity),
    ]);

    public static object?[] Partition(int bucket, string? name, double score = 1.5) =>
        [bucket, name, 475_000, 12.34m, Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7"), true, score, new byte[] { 1, 2 }, new byte[] { 9 }, 19_000, 0.25f];

    public static DataFile File(string path, object?[] partition, long records = 10) => new()
    {
        FilePath = path,
        Partition = partition,
        RecordCount = records,
        FileSizeInBytes = 4096,
        ColumnSizes = new Dictionary<int, long> { [1] = 80, [2] = 120 },
        ValueCounts = new Dictionary<int, long> { [1] = records, [2] = records },
        NullValueCounts = new Dictionary<int, long> { [1] = 0, [2] = 3 },
        NanValueCounts = new Dictionary<int, long> { [7] = 1 },
        LowerBounds = new Dictionary<int, byte[]> { [1] = SingleValue.Serialize(T.Long, 1L), [2] = SingleValue.Serialize(T.String, "a") },
        UpperBounds = new Dictionary<int, byte[]> { [1] = SingleValue.Serialize(T.Long, 99L), [2] = SingleValue.Serialize(T.String, "z") },
        KeyMetadata = [0xAB, 0xCD],
        SplitOffsets = [4L, 2048L],
        SortOrderId = 1,
    };

    public static byte[] Write(ManifestWriter writer, string path, out ManifestFile manifest)
    {
        using var stream = new MemoryStream();
        manifest = writer.Write(stream, path);
        return stream.ToArray();
    }
}
