namespace Iomete.Functions.IcebergRest.Objects;

/// <summary>What a catalog object is; stored as its lower-case name.</summary>
public enum CatalogObjectKind
{
    Table,
    View,
}

public static class CatalogObjectKinds
{
    public static string Stored(this CatalogObjectKind kind) => kind == CatalogObjectKind.Table ? "table" : "view";

    public static CatalogObjectKind Parse(string stored) => stored == "view" ? CatalogObjectKind.View : CatalogObjectKind.Table;
}
