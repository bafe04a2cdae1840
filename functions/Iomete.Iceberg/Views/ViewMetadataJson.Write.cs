using System.Text.Json;
using Iomete.Iceberg.Json;

namespace Iomete.Iceberg.Views;

public static partial class ViewMetadataJson
{
    public static string ToJson(ViewMetadata metadata, bool indented = false) => JsonWrite.ToString(w => Write(w, metadata), indented);

    public static void Write(Utf8JsonWriter writer, ViewMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(metadata);
        writer.WriteStartObject();
        writer.WriteString("view-uuid", metadata.ViewUuid.ToString());
        writer.WriteNumber("format-version", metadata.FormatVersion);
        writer.WriteString("location", metadata.Location);
        WriteMap(writer, "properties", metadata.Properties);
        writer.WriteStartArray("schemas");
        foreach (var schema in metadata.Schemas)
        {
            SchemaJson.Write(writer, schema);
        }
        writer.WriteEndArray();
        writer.WriteNumber("current-version-id", metadata.CurrentVersionId);
        writer.WriteStartArray("versions");
        foreach (var version in metadata.Versions)
        {
            WriteVersion(writer, version);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("version-log");
        foreach (var entry in metadata.VersionLog)
        {
            writer.WriteStartObject();
            writer.WriteNumber("timestamp-ms", entry.TimestampMs);
            writer.WriteNumber("version-id", entry.VersionId);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteVersion(Utf8JsonWriter writer, ViewVersion version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteStartObject();
        writer.WriteNumber("version-id", version.VersionId);
        writer.WriteNumber("timestamp-ms", version.TimestampMs);
        writer.WriteNumber("schema-id", version.SchemaId);
        WriteMap(writer, "summary", version.Summary);
        if (version.DefaultCatalog is not null)
        {
            writer.WriteString("default-catalog", version.DefaultCatalog);
        }
        writer.WriteStartArray("default-namespace");
        foreach (var level in version.DefaultNamespace)
        {
            writer.WriteStringValue(level);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("representations");
        foreach (var representation in version.Representations)
        {
            var sql = (SqlViewRepresentation)representation;
            writer.WriteStartObject();
            writer.WriteString("type", sql.Type);
            writer.WriteString("sql", sql.Sql);
            writer.WriteString("dialect", sql.Dialect);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }
}
