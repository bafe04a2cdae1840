using System.Text.Json;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>Writes the spec's <c>LoadTableResult</c>: <c>metadata-location</c>, <c>metadata</c>, <c>config</c>.</summary>
internal static class LoadTableResultJson
{
    /// <param name="metadataJson">The metadata's JSON when already serialized (the file's bytes); spliced in instead of writing it again.</param>
    public static byte[] Write(string? metadataLocation, TableMetadata metadata, bool refsOnly, IReadOnlyDictionary<string, string> config, byte[]? metadataJson = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (metadataLocation is null)
            {
                writer.WriteNull("metadata-location");
            }
            else
            {
                writer.WriteString("metadata-location", metadataLocation);
            }
            writer.WritePropertyName("metadata");
            WriteMetadata(writer, refsOnly ? OnlyReferenced(metadata) : metadata, refsOnly ? null : metadataJson);
            writer.WriteStartObject("config");
            foreach (var (key, value) in config)
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The spec's CommitTableResponse: <c>metadata-location</c> and <c>metadata</c>.</summary>
    public static byte[] WriteCommit(string metadataLocation, TableMetadata metadata, byte[]? metadataJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("metadata-location", metadataLocation);
            writer.WritePropertyName("metadata");
            WriteMetadata(writer, metadata, metadataJson);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, TableMetadata metadata, byte[]? json)
    {
        if (json is null)
        {
            TableMetadataJson.Write(writer, metadata);
        }
        else
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }

    /// <summary>The metadata with only the snapshots some branch or tag points at (<c>snapshots=refs</c>).</summary>
    private static TableMetadata OnlyReferenced(TableMetadata metadata)
    {
        var referenced = metadata.Refs.Values.Select(r => r.SnapshotId).ToHashSet();
        return metadata with { Snapshots = metadata.Snapshots.Where(s => referenced.Contains(s.SnapshotId)).ToList() };
    }
}
