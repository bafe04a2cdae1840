using System.Text.Json;
using Iomete.Iceberg.Json;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>The spec's CommitTableResponse: <c>metadata-location</c> and <c>metadata</c>.</summary>
internal static class CommitTableResponseJson
{
    public static byte[] Write(LoadedTable committed)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("metadata-location", committed.MetadataLocation);
            writer.WritePropertyName("metadata");
            TableMetadataJson.Write(writer, committed.Metadata);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
