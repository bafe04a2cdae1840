using Iomete.Functions.IcebergRest.Catalogs;
using Iomete.Functions.IcebergRest.Namespaces;

namespace Iomete.Functions.IcebergRest.Objects;

/// <summary>Where a table's or view's files go when the request names no location, and how metadata files are named.</summary>
public static class ObjectLocations
{
    /// <summary><c>{warehouse}/{level}/{level}/{name}</c>; a namespace's <c>location</c> property, when set, replaces the warehouse and levels.</summary>
    public static string Default(CatalogView catalog, NamespaceName ns, string name, IReadOnlyDictionary<string, string>? namespaceProperties)
    {
        if (namespaceProperties is not null && namespaceProperties.TryGetValue("location", out var nsLocation) && nsLocation.Length > 0)
        {
            return nsLocation.TrimEnd('/') + "/" + Uri.EscapeDataString(name);
        }
        var levels = string.Join('/', ns.Levels.Select(Uri.EscapeDataString));
        return catalog.Warehouse.TrimEnd('/') + "/" + levels + "/" + Uri.EscapeDataString(name);
    }

    /// <summary>The next metadata file: <c>{location}/metadata/{version:D5}-{uuid}.metadata.json</c>, as Java's catalogs name them.</summary>
    public static string MetadataFile(string location, int version, Guid id) =>
        $"{location.TrimEnd('/')}/metadata/{version:D5}-{id}.metadata.json";

    /// <summary>The version number in a metadata file name made by <see cref="MetadataFile"/>, or -1.</summary>
    public static int VersionOf(string metadataLocation)
    {
        var file = metadataLocation[(metadataLocation.LastIndexOf('/') + 1)..];
        var dash = file.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(file.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
    }
}
