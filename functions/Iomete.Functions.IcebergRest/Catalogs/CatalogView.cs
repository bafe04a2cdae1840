namespace Iomete.Functions.IcebergRest.Catalogs;

/// <summary>A managed Iceberg REST catalog (one of IOMETE's Spark catalogs).</summary>
public sealed record CatalogView(
    string Name,
    string Type,
    string Warehouse,
    IReadOnlyDictionary<string, string> Properties,
    bool IsDefault,
    DateTimeOffset CreatedAt);
