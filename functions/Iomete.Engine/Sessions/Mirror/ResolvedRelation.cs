using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>A table or view of the catalog as the session's DuckDB sees it: the DuckDB view that stands for it and its columns.</summary>
internal sealed record ResolvedRelation(TableIdent Ident, string ViewName, Schema Schema, CatalogTable? Table, long? SnapshotId)
{
    /// <summary>The quoted three-part DuckDB name of the view.</summary>
    public string DuckDbName => $"{DuckDbSchema.Quote(Ident.Catalog)}.{DuckDbSchema.Quote(Ident.Database)}.{DuckDbSchema.Quote(ViewName)}";
}
