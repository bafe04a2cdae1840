using System.Text.Json;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>Writes the spec's <c>LoadTableResult</c>: <c>metadata-location</c>, <c>metadata</c>, <c>config</c>.</summary>
internal static class LoadTableResultJson
{
    public static byte[] Write(string? metadataLocation, TableMetadata metadata, bool refsOnly, IReadOnlyDictionary<string, string> config)
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
            TableMetadataJson.Write(writer, refsOnly ? OnlyReferenced(metadata) : metadata);
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

    /// <summary>The metadata with only the snapshots some branch or tag points at (<c>snapshots=refs</c>).</summary>
    private static TableMetadata OnlyReferenced(TableMetadata metadata)
    {
        var referenced = metadata.Refs.Values.Select(r => r.SnapshotId).ToHashSet();
        return metadata with { Snapshots = metadata.Snapshots.Where(s => referenced.Contains(s.SnapshotId)).ToList() };
    }
}
