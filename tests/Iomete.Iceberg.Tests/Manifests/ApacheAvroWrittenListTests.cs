using Avro;
using Avro.File;
using Avro.Generic;
using Iomete.Iceberg.Manifests;

namespace Iomete.Iceberg.Tests.Manifests;

/// <summary>Our reader reads manifest lists written by Apache.Avro, an independent implementation, with either codec.</summary>
public sealed class ApacheAvroWrittenListTests
{
    private static byte[] WriteWithApacheAvro(Codec.Type codec)
    {
        var schema = (RecordSchema)Schema.Parse(ManifestSchemas.ManifestFile(2).ToJsonString());
        var summarySchema = (RecordSchema)((ArraySchema)((UnionSchema)schema["partitions"].Schema).Schemas[1]).ItemSchema;
        var summary = new GenericRecord(summarySchema);
        summary.Add("contains_null", true);
        summary.Add("contains_nan", null);
        summary.Add("lower_bound", new byte[] { 1, 0, 0, 0 });
        summary.Add("upper_bound", null);
        var record = new GenericRecord(schema);
        foreach (var (name, value) in new (string, object?)[]
        {
            ("manifest_path", "s3://b/m.avro"), ("manifest_length", 99L), ("partition_spec_id", 1), ("content", 1),
            ("sequence_number", 4L), ("min_sequence_number", 2L), ("added_snapshot_id", 7L), ("added_files_count", 1),
            ("existing_files_count", 2), ("deleted_files_count", 3), ("added_rows_count", 10L), ("existing_rows_count", 20L),
            ("deleted_rows_count", 30L), ("partitions", new object[] { summary }), ("key_metadata", null),
        })
        {
            record.Add(name, value);
        }
        using var stream = new MemoryStream();
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(schema), stream, Codec.CreateCodec(codec)))
        {
            writer.SetMeta("snapshot-id", "7");
            writer.SetMeta("sequence-number", "4");
            writer.SetMeta("format-version", "2");
            writer.Append(record);
        }
        return stream.ToArray();
    }

    [Theory]
    [InlineData(Codec.Type.Null)]
    [InlineData(Codec.Type.Deflate)]
    public void ManifestListWrittenByApacheAvro_IsReadByOurReader(Codec.Type codec)
    {
        var list = ManifestListReader.Read(WriteWithApacheAvro(codec));
        Assert.Equal((7L, 4L, 2), (list.SnapshotId!.Value, list.SequenceNumber, list.FormatVersion));
        var m = Assert.Single(list.Manifests);
        Assert.Equal(("s3://b/m.avro", ManifestContent.Deletes, 4L, 2L, 7L), (m.ManifestPath, m.Content, m.SequenceNumber, m.MinSequenceNumber, m.AddedSnapshotId));
        Assert.Equal((1, 2, 3, 10L, 20L, 30L), (m.AddedFilesCount, m.ExistingFilesCount, m.DeletedFilesCount, m.AddedRowsCount, m.ExistingRowsCount, m.DeletedRowsCount));
        var p = Assert.Single(m.Partitions!);
        Assert.Equal((true, (bool?)null, (byte[]?)null), (p.ContainsNull, p.ContainsNan, p.UpperBound));
        Assert.Equal(new byte[] { 1, 0, 0, 0 }, p.LowerBound);
    }
}
