using System.Text.Json.Nodes;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;

namespace Iomete.Iceberg.Views;

/// <summary>Strict readers for the spec's <c>ViewUpdate</c> and <c>ViewRequirement</c> objects.</summary>
public static partial class ViewCommitJson
{
    private static readonly HashSet<string> SharedActions = new(StringComparer.Ordinal)
    {
        "assign-uuid", "upgrade-format-version", "add-schema", "set-location", "set-properties", "remove-properties",
    };

    public static TableUpdate ParseUpdate(string json) => ReadUpdate(JsonRead.ParseDocument(json), "$");

    public static IReadOnlyList<TableUpdate> ReadUpdates(JsonNode? node, string path)
    {
        var array = JsonRead.Array(node, path);
        return [.. array.Select((n, i) => ReadUpdate(n, $"{path}[{i}]"))];
    }

    /// <summary>Reads one view update; a table-only or unknown action is a format error.</summary>
    public static TableUpdate ReadUpdate(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        var action = JsonRead.String(obj, "action", path);
        return action switch
        {
            "add-view-version" => new AddViewVersion(ViewMetadataJson.ReadVersion(JsonRead.Required(obj, "view-version", path), $"{path}.view-version")),
            "set-current-view-version" => new SetCurrentViewVersion(JsonRead.Int(obj, "view-version-id", path)),
            _ when SharedActions.Contains(action) => TableUpdateJson.Read(obj, path),
            _ => throw IcebergFormatException.At($"{path}.action", $"unknown view update action '{action}'"),
        };
    }

    public static ViewRequirement ParseRequirement(string json) => ReadRequirement(JsonRead.ParseDocument(json), "$");

    public static IReadOnlyList<ViewRequirement> ReadRequirements(JsonNode? node, string path)
    {
        var array = JsonRead.Array(node, path);
        return [.. array.Select((n, i) => ReadRequirement(n, $"{path}[{i}]"))];
    }

    public static ViewRequirement ReadRequirement(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return JsonRead.String(obj, "type", path) switch
        {
            "assert-view-uuid" => new AssertViewUuid(ViewMetadataJson.ReadUuid(obj, "uuid", path)),
            var other => throw IcebergFormatException.At($"{path}.type", $"unknown view requirement type '{other}'"),
        };
    }
}
