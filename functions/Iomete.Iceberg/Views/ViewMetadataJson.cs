using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Views;

/// <summary>
/// Strict reader and writer of view metadata JSON (the view spec's metadata file and the REST
/// <c>ViewMetadata</c>). Members it does not know are ignored, as the reference parser does.
/// </summary>
public static partial class ViewMetadataJson
{
    public static ViewMetadata Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    public static ViewMetadata Read(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        var formatVersion = JsonRead.Int(obj, "format-version", path);
        if (formatVersion != ViewMetadata.SupportedFormatVersion)
        {
            throw IcebergFormatException.At($"{path}.format-version", $"unsupported view format version {formatVersion} (expected 1)");
        }
        var metadata = new ViewMetadata(
            ReadUuid(obj, "view-uuid", path),
            formatVersion,
            JsonRead.String(obj, "location", path),
            ReadArray(obj, "schemas", path, SchemaJson.Read),
            JsonRead.Int(obj, "current-version-id", path),
            ReadArray(obj, "versions", path, ReadVersion),
            ReadArray(obj, "version-log", path, ReadHistoryEntry),
            obj["properties"] is { } props ? TableMetadataJson.ReadStringMap(props, $"{path}.properties") : new Dictionary<string, string>());
        Validate(metadata);
        return metadata;
    }

    /// <summary>Reads a view version (as in metadata and in <c>add-view-version</c>).</summary>
    public static ViewVersion ReadVersion(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        var version = new ViewVersion(
            JsonRead.Int(obj, "version-id", path),
            TableMetadataJson.RequiredLong(obj, "timestamp-ms", path),
            JsonRead.Int(obj, "schema-id", path),
            TableMetadataJson.ReadStringMap(JsonRead.Required(obj, "summary", path), $"{path}.summary"),
            ReadArray(obj, "representations", path, ReadRepresentation),
            JsonRead.OptionalString(obj, "default-catalog", path),
            ReadArray(obj, "default-namespace", path, (n, p) => JsonRead.String(n ?? throw IcebergFormatException.At(p, "expected a string, got null"), p)));
        ValidateVersion(version, path);
        return version;
    }

    /// <summary>The spec's rules across members; <see cref="IcebergFormatException"/> names the first one broken.</summary>
    public static void Validate(ViewMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.FormatVersion != ViewMetadata.SupportedFormatVersion)
        {
            throw IcebergFormatException.At("$.format-version", $"unsupported view format version {metadata.FormatVersion}");
        }
        if (string.IsNullOrWhiteSpace(metadata.Location))
        {
            throw IcebergFormatException.At("$.location", "invalid location: it must not be empty");
        }
        if (metadata.Versions.Count == 0)
        {
            throw IcebergFormatException.At("$.versions", "invalid view: no versions were added");
        }
        RequireUnique(metadata.Schemas.Select(s => s.SchemaId), "$.schemas", "schema");
        RequireUnique(metadata.Versions.Select(v => v.VersionId), "$.versions", "version");
        var current = metadata.VersionById(metadata.CurrentVersionId)
            ?? throw IcebergFormatException.At("$.current-version-id", $"cannot find current version {metadata.CurrentVersionId} in view versions");
        if (metadata.SchemaById(current.SchemaId) is null)
        {
            throw IcebergFormatException.At("$.versions", $"cannot find current schema with id {current.SchemaId} in schemas");
        }
        for (var i = 0; i < metadata.Versions.Count; i++)
        {
            var version = metadata.Versions[i];
            ValidateVersion(version, $"$.versions[{i}]");
            if (metadata.SchemaById(version.SchemaId) is null)
            {
                throw IcebergFormatException.At($"$.versions[{i}].schema-id", $"version {version.VersionId} has an unknown schema {version.SchemaId}");
            }
        }
    }

    /// <summary>A version's own rules: at least one representation, at most one SQL per dialect (case-insensitive).</summary>
    internal static void ValidateVersion(ViewVersion version, string path)
    {
        if (version.Representations.Count == 0)
        {
            throw IcebergFormatException.At($"{path}.representations", "invalid view version: it needs at least one representation");
        }
        var dialects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sql in version.Representations.OfType<SqlViewRepresentation>())
        {
            var dialect = sql.Dialect.ToLowerInvariant();
            if (!dialects.Add(dialect))
            {
                throw IcebergFormatException.At($"{path}.representations", $"invalid view version: cannot add multiple queries for dialect {dialect}");
            }
        }
    }

    private static ViewRepresentation ReadRepresentation(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return JsonRead.String(obj, "type", path) switch
        {
            "sql" => new SqlViewRepresentation(JsonRead.String(obj, "sql", path), JsonRead.String(obj, "dialect", path)),
            var other => throw IcebergFormatException.At($"{path}.type", $"unknown view representation type '{other}' (expected sql)"),
        };
    }

    private static ViewHistoryEntry ReadHistoryEntry(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return new ViewHistoryEntry(JsonRead.Int(obj, "version-id", path), TableMetadataJson.RequiredLong(obj, "timestamp-ms", path));
    }

    internal static Guid ReadUuid(JsonObject obj, string name, string path) =>
        Guid.TryParse(JsonRead.String(obj, name, path), out var g) ? g : throw IcebergFormatException.At($"{path}.{name}", "expected a UUID string");

    private static List<T> ReadArray<T>(JsonObject obj, string member, string path, Func<JsonNode?, string, T> read)
    {
        var array = JsonRead.Array(JsonRead.Required(obj, member, path), $"{path}.{member}");
        var items = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            items.Add(read(array[i], $"{path}.{member}[{i}]"));
        }
        return items;
    }

    private static void RequireUnique(IEnumerable<int> ids, string path, string what)
    {
        var seen = new HashSet<int>();
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw IcebergFormatException.At(path, $"duplicate {what} id {id}");
            }
        }
    }
}
