using Avro.File;
using Avro.Generic;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Partitioning;
using static Iomete.Iceberg.Tests.Manifests.ManifestFixtures;

namespace Iomete.Iceberg.Tests.Manifests;

/// <summary>Apache.Avro, an independent implementation, reads what our container codec writes.</summary>
public sealed class ApacheAvroInteropTests
{
    private static List<GenericRecord> ReadWithApacheAvro(byte[] bytes)
    {
        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(bytes));
        var records = new List<GenericRecord>();
        while (reader.HasNext())
        {
            records.Add(reader.Next());
        }
        Assert.Equal("2", reader.GetMetaString("format-version"));
        return records;
    }

    // Apache.Avro 1.12.2 rejects the spec's uuid-on-fixed(16) logical type, so this spec leaves the uuid field out.
    private static readonly PartitionSpec NoUuid = new(4, Spec.Fields.Where(f => f.Name != "key"));

    [Fact]
    public void ApacheAvro_ReadsOurManifest()
    {
        var writer = new ManifestWriter(Schema, NoUuid, 42);
        var partition = Partition(3, "x").Where((_, i) => i != 4).ToArray();
        writer.Add(File("s3://b/a.parquet", partition));
        var records = ReadWithApacheAvro(Write(writer, "m", out _));
        var entry = Assert.Single(records);
        Assert.Equal(1, entry["status"]);
        Assert.Equal(42L, entry["snapshot_id"]);
        var dataFile = (GenericRecord)entry["data_file"];
        Assert.Equal("s3://b/a.parquet", dataFile["file_path"]);
        Assert.Equal("PARQUET", dataFile["file_format"]);
        Assert.Equal(10L, dataFile["record_count"]);
        Assert.Equal("x", ((GenericRecord)dataFile["partition"])["name"]);
        Assert.Equal(2, ((object[])dataFile["column_sizes"]).Length);
        Assert.Equal(partition, ManifestReader.Read(Write(writer, "m", out _)).Entries[0].DataFile.Partition);
    }

    [Fact]
    public void ApacheAvro_ReadsOurManifestList()
    {
        var writer = new ManifestWriter(Schema, Spec, 42);
        writer.Add(File("a", Partition(3, "x")));
        Write(writer, "m", out var manifest);
        using var stream = new MemoryStream();
        ManifestListWriter.Write(stream, 42, null, 6, [manifest]);
        var record = Assert.Single(ReadWithApacheAvro(stream.ToArray()));
        Assert.Equal("m", record["manifest_path"]);
        Assert.Equal(6L, record["sequence_number"]);
        Assert.Equal(11, ((object[])record["partitions"]).Length);
    }
}
