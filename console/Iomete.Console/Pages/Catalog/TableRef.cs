namespace Iomete.Console.Pages.Catalog;

/// <summary>A table of the catalog by name, with the paths of its API routes and console page.</summary>
public sealed record TableRef(string Catalog, string Database, string Name)
{
    public string FullName => $"{Catalog}.{Database}.{Name}";

    /// <summary>The data-catalog route of the table (relative to the domain): <c>data-catalog/catalogs/…/tables/{t}</c> + rest.</summary>
    public string ApiPath(string rest = "") =>
        $"data-catalog/catalogs/{E(Catalog)}/databases/{E(Database)}/tables/{E(Name)}" + (rest.Length == 0 ? "" : "/" + rest.TrimStart('/'));

    /// <summary>The table's maintenance route (relative to the domain): <c>compaction/tables/{c}/{db}/{t}</c> + rest.</summary>
    public string CompactionPath(string rest = "") =>
        $"compaction/tables/{E(Catalog)}/{E(Database)}/{E(Name)}" + (rest.Length == 0 ? "" : "/" + rest.TrimStart('/'));

    /// <summary>The console page of the table (relative to the domain), optionally on a tab.</summary>
    public string PagePath(string? tab = null) =>
        $"data-catalog/tables/{E(Catalog)}/{E(Database)}/{E(Name)}" + (tab is null ? "" : "?tab=" + tab);

    private static string E(string s) => Uri.EscapeDataString(s);
}
