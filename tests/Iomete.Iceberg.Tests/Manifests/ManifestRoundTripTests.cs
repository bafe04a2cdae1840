using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Manifests.Avro;
using Iomete.Iceberg.Partitioning;
using static Iomete.Iceberg.Tests.Manifests.ManifestFixtures;

namespace Iomete.Iceberg.Tests.Manifests;

public sealed class ManifestRoundTripTests
{
    [Fact]
    public void WrittenManifest_ReadsBackEveryFieldMetricAndPartitionValue()
    {
        var writer = new ManifestWriter(Schema, Spec, snapshotId: 42);
        var original = File("s3://b/t/data/a.parquet", Partition(3, "x"));
        writer.Add(original);
        var bytes = Write(writer, "s3://b/t/metadata/m1.avro", out var manifest);

        var read = ManifestReader.Read(bytes, manifest with { SequenceNumber = 7 });

        Assert.Equal(Schema, read.Schema);
        Assert.Equal(Spec, read.Spec);
        Assert.Equal(2, read.FormatVersion);
        Assert.Equal(ManifestContent.Data, read.Content);
        var entry = Assert.Single(read.Entries);
        Assert.Equal(EntryStatus.Added, entry.Status);
        var file = entry.DataFile;
        Assert.Equal(original.FilePath, file.FilePath);
        Assert.Equal(FileFormat.Parquet, file.FileFormat);
        Assert.Equal(FileContent.Data, file.Content);
        Assert.Equal(original.Partition, file.Partition);
        Assert.Equal(10, file.RecordCount);
        Assert.Equal(4096, file.FileSizeInBytes);
        Assert.Equal(original.ColumnSizes, file.ColumnSizes);
        Assert.Equal(original.ValueCounts, file.ValueCounts);
        Assert.Equal(original.NullValueCounts, file.NullValueCounts);
        Assert.Equal(original.NanValueCounts, file.NanValueCounts);
        Assert.Equal(original.LowerBounds, file.LowerBounds);
        Assert.Equal(original.UpperBounds, file.UpperBounds);
        Assert.Equal(original.KeyMetadata, file.KeyMetadata);
        Assert.Equal(original.SplitOffsets, file.SplitOffsets);
        Assert.Equal(1, file.SortOrderId);
        Assert.Null(file.EqualityIds);
    }

    [Fact]
    public void DeleteManifest_RoundTripsEqualityDeletesAndContent()
    {
        var writer = new ManifestWriter(Schema, PartitionSpec.Unpartitioned, 5, ManifestContent.Deletes);
        writer.Add(new DataFile
        {
            Content = FileContent.EqualityDeletes, FilePath = "d.avro", FileFormat = FileFormat.Avro,
            RecordCount = 2, FileSizeInBytes = 10, EqualityIds = [1, 2],
        });
        writer.Add(new DataFile { Content = FileContent.PositionDeletes, FilePath = "p.orc", FileFormat = FileFormat.Orc, RecordCount = 1, FileSizeInBytes = 5 });
        var read = ManifestReader.Read(Write(writer, "m.avro", out var manifest));

        Assert.Equal(ManifestContent.Deletes, manifest.Content);
        Assert.Equal(ManifestContent.Deletes, read.Content);
        Assert.Equal([1, 2], read.Entries[0].DataFile.EqualityIds);
        Assert.Equal(FileContent.EqualityDeletes, read.Entries[0].DataFile.Content);
        Assert.Equal(FileFormat.Orc, read.Entries[1].DataFile.FileFormat);
        Assert.Null(read.Entries[1].DataFile.ColumnSizes);
    }

    [Fact]
    public void DataManifest_RejectsDeleteFiles()
    {
        var writer = new ManifestWriter(Schema, PartitionSpec.Unpartitioned, 5);
        Assert.Throws<ArgumentException>(() => writer.Add(new DataFile { Content = FileContent.PositionDeletes, FilePath = "p", RecordCount = 1, FileSizeInBytes = 1 }));
    }

    [Fact]
    public void PartitionTupleOfWrongArity_IsRejected()
    {
        var writer = new ManifestWriter(Schema, Spec, 5);
        Assert.Throws<ArgumentException>(() => writer.Add(File("a", [1])));
    }

    [Fact]
    public void ManyEntries_SpanSeveralAvroBlocks()
    {
        var writer = new ManifestWriter(Schema, Spec, 1);
        for (var i = 0; i < 2500; i++)
        {
            writer.Add(File($"f{i}", Partition(i % 16, $"n{i}")));
        }
        var read = ManifestReader.Read(Write(writer, "m", out _));
        Assert.Equal(2500, read.Entries.Count);
        Assert.Equal("f2499", read.Entries[^1].DataFile.FilePath);
    }

    [Fact]
    public void CorruptManifest_IsAFormatError()
    {
        var writer = new ManifestWriter(Schema, Spec, 1);
        writer.Add(File("a", Partition(1, "x")));
        var bytes = Write(writer, "m", out _);
        Assert.Throws<AvroFormatException>(() => ManifestReader.Read(bytes[..^20]));
        Assert.Throws<AvroFormatException>(() => ManifestReader.Read([1, 2, 3, 4, 5]));
    }
}
