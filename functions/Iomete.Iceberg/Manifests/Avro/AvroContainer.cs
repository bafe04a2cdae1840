using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Iomete.Iceberg.Manifests.Avro;

/// <summary>The contents of an Avro object container file: its metadata, writer schema and records.</summary>
internal sealed record AvroFile(IReadOnlyDictionary<string, byte[]> Metadata, JsonNode Schema, IReadOnlyList<object?> Records)
{
    public string? Meta(string key) => Metadata.TryGetValue(key, out var v) ? Encoding.UTF8.GetString(v) : null;
}

/// <summary>Writes and reads Avro object container files (codecs <c>null</c> and <c>deflate</c>).</summary>
internal static class AvroContainer
{
    private static readonly byte[] Magic = [(byte)'O', (byte)'b', (byte)'j', 1];

    private const int RecordsPerBlock = 1000;

    public static void Write(Stream output, JsonNode schema, IReadOnlyDictionary<string, string> metadata, IReadOnlyList<object?> records, bool deflate = true)
    {
        var names = new AvroDatum(schema);
        var w = new AvroBinaryWriter(output);
        output.Write(Magic);
        var meta = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["avro.schema"] = Encoding.UTF8.GetBytes(schema.ToJsonString()),
            ["avro.codec"] = Encoding.UTF8.GetBytes(deflate ? "deflate" : "null"),
        };
        foreach (var (k, v) in metadata)
        {
            meta[k] = Encoding.UTF8.GetBytes(v);
        }
        w.Long(meta.Count);
        foreach (var (k, v) in meta)
        {
            w.String(k);
            w.Bytes(v);
        }
        w.Long(0);
        var sync = RandomNumberGenerator.GetBytes(16);
        output.Write(sync);
        for (var start = 0; start < records.Count; start += RecordsPerBlock)
        {
            var count = Math.Min(RecordsPerBlock, records.Count - start);
            using var block = new MemoryStream();
            var bw = new AvroBinaryWriter(block);
            for (var i = start; i < start + count; i++)
            {
                names.Write(bw, schema, records[i]);
            }
            var data = deflate ? Deflate(block.ToArray()) : block.ToArray();
            w.Long(count);
            w.Bytes(data);
            output.Write(sync);
        }
    }

    public static AvroFile Read(byte[] file)
    {
        if (file.Length < 4 || !file.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new AvroFormatException("Not an Avro object container file (bad magic)");
        }
        var r = new AvroBinaryReader(file, 4);
        var meta = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var count = r.Long(); count != 0; count = r.Long())
        {
            if (count < 0)
            {
                count = -count;
                r.Long();
            }
            for (var i = 0; i < count; i++)
            {
                meta[r.String()] = r.Bytes();
            }
        }
        var sync = r.Fixed(16);
        if (!meta.TryGetValue("avro.schema", out var schemaBytes))
        {
            throw new AvroFormatException("Avro file has no avro.schema");
        }
        var schema = JsonNode.Parse(schemaBytes) ?? throw new AvroFormatException("Avro schema is null");
        var codec = meta.TryGetValue("avro.codec", out var c) ? Encoding.UTF8.GetString(c) : "null";
        if (codec is not ("null" or "deflate"))
        {
            throw new AvroFormatException($"Unsupported Avro codec '{codec}'");
        }
        var datum = new AvroDatum(schema);
        var records = new List<object?>();
        while (!r.AtEnd)
        {
            var count = r.Long();
            var data = r.Bytes();
            if (codec == "deflate")
            {
                data = Inflate(data);
            }
            var br = new AvroBinaryReader(data);
            for (var i = 0; i < count; i++)
            {
                records.Add(datum.Read(br, schema));
            }
            if (!r.Fixed(16).AsSpan().SequenceEqual(sync))
            {
                throw new AvroFormatException("Avro block sync marker mismatch");
            }
        }
        return new AvroFile(meta, schema, records);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }
        return output.ToArray();
    }

    private static byte[] Inflate(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }
}
