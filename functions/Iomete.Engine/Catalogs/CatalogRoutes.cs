namespace Iomete.Engine.Catalogs;

/// <summary>
/// Paths of the platform's Iceberg REST catalog: <c>/catalogs/{catalog}/v1/{prefix}/...</c> with the catalog name as
/// prefix. Every name is one escaped path segment (a database is a single-level namespace).
/// </summary>
internal static class CatalogRoutes
{
    /// <summary>The platform's list of managed catalogs (an admin route outside the Iceberg protocol).</summary>
    public const string Catalogs = "/api/v1/catalogs";

    /// <summary>The platform's route for a caller's privileges on a table (outside the Iceberg protocol).</summary>
    public static string TablePrivileges(TableIdent table) =>
        $"{Catalogs}/{Escape(table.Catalog)}/namespaces/{Escape(table.Database)}/tables/{Escape(table.Name)}/privileges";

    public static string Root(string catalog)
    {
        var c = Escape(catalog);
        return $"/catalogs/{c}/v1/{c}";
    }

    public static string Namespaces(string catalog) => Root(catalog) + "/namespaces";

    public static string Namespace(string catalog, string database) => $"{Namespaces(catalog)}/{Escape(database)}";

    public static string Tables(string catalog, string database) => Namespace(catalog, database) + "/tables";

    public static string Table(TableIdent table) => $"{Tables(table.Catalog, table.Database)}/{Escape(table.Name)}";

    public static string Views(string catalog, string database) => Namespace(catalog, database) + "/views";

    public static string View(TableIdent view) => $"{Views(view.Catalog, view.Database)}/{Escape(view.Name)}";

    public static string RenameTable(string catalog) => Root(catalog) + "/tables/rename";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
