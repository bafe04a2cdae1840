namespace Iomete.Console.Pages.DataSecurity.Operations;

/// <summary>One step of the storage browser's breadcrumb: a folder name and the prefix that opens it.</summary>
public sealed record Crumb(string Name, string Prefix);

/// <summary>Key and prefix arithmetic for the storage browser (keys are relative to the warehouse root, folders end in '/').</summary>
public static class StoragePath
{
    /// <summary>"a/b/" → [root "", a "a/", b "a/b/"].</summary>
    public static IReadOnlyList<Crumb> Breadcrumb(string prefix, string rootName = "warehouse")
    {
        var crumbs = new List<Crumb> { new(rootName, "") };
        var path = "";
        foreach (var part in prefix.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path += part + "/";
            crumbs.Add(new Crumb(part, path));
        }
        return crumbs;
    }

    /// <summary>The last segment of a key or folder prefix: "a/b/" → "b/", "a/b.json" → "b.json".</summary>
    public static string Name(string keyOrPrefix)
    {
        var trimmed = keyOrPrefix.TrimEnd('/');
        var name = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return keyOrPrefix.EndsWith('/') ? name + "/" : name;
    }

    public static PreviewKind KindOf(string key) => Path.GetExtension(key).ToLowerInvariant() switch
    {
        ".json" or ".avsc" => PreviewKind.Json,
        ".parquet" or ".avro" or ".orc" => PreviewKind.Binary,
        ".txt" or ".csv" or ".log" or ".md" or ".yaml" or ".yml" or ".properties" or ".sql" or ".py" or ".xml" or ".tsv" or ".crc" => PreviewKind.Text,
        "" => PreviewKind.Text,
        _ => PreviewKind.Text,
    };
}

public enum PreviewKind
{
    Text,
    Json,
    Binary,
}
