using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Manifests.Avro;
using Iomete.Iceberg.Partitioning;
using static Iomete.Iceberg.Tests.Manifests.ManifestFixtures;

namespace Iomete.Iceberg.Tests.Manifests;

public sealed class ManifestV1ReadTests
{
    /// <summary>A v1-shaped manifest: no content or sequence-number fields, the deprecated block size, format-version 1.</summary>
    private static byte[] V1Manifest()
    {
        var schema = ManifestSchemas.ManifestEntry(PartitionSpec.Unpartitioned.PartitionType(Schema));
        var fields = schema["fields"]!.AsArray();
        foreach (var name in new[] { "sequence_number", "file_sequence_number" })
        {
            fields.Remove(fields.Single(f => f!["name"]!.GetValue<string>() == name));
        }
        var dataFields = fields.Single(f => f!["name"]!.GetValue<string>() == "data_file")!["type"]!["fields"]!.AsArray();
        dataFields.Remove(dataFields.Single(f => f!["name"]!.GetValue<string>() == "content"));
        dataFields.Add(new JsonObject { ["name"] = "block_size_in_bytes", ["type"] = "long", ["field-id"] = 105 });
        var record = new Dictionary<string, object?>
        {
            ["status"] = 1,
            ["snapshot_id"] = 5L,
            ["data_file"] = new Dictionary<string, object?>
            {
                ["file_path"] = "v1.parquet", ["file_format"] = "parquet", ["partition"] = new Dictionary<string, object?>(),
                ["record_count"] = 3L, ["file_size_in_bytes"] = 100L, ["block_size_in_bytes"] = 67108864L,
            },
        };
        var metadata = new Dictionary<string, string>
        {
            ["schema"] = SchemaJson.ToJson(Schema),
            ["partition-spec"] = "[]",
            ["format-version"] = "1",
        };
        using var stream = new MemoryStream();
        AvroContainer.Write(stream, schema, metadata, [record], deflate: false);
        return stream.ToArray();
    }

    [Fact]
    public void V1Manifest_ReadsWithZeroSequenceNumbersAndDataContent()
    {
        var read = ManifestReader.Read(V1Manifest());
        Assert.Equal(1, read.FormatVersion);
        var entry = Assert.Single(read.Entries);
        Assert.Equal((5L, 0L, 0L), (entry.SnapshotId!.Value, entry.SequenceNumber!.Value, entry.FileSequenceNumber!.Value));
        Assert.Equal((FileContent.Data, FileFormat.Parquet, 3L), (entry.DataFile.Content, entry.DataFile.FileFormat, entry.DataFile.RecordCount));
    }

    [Fact]
    public async Task ReadAsync_ReadsFromAStream()
    {
        var read = await ManifestReader.ReadAsync(new MemoryStream(V1Manifest()), null, CancellationToken.None);
        Assert.Equal("v1.parquet", Assert.Single(read.Entries).DataFile.FilePath);
    }
}
