using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Writes;

namespace Iomete.Engine.Tests.Catalogs;

internal static class CatalogWrites
{
    /// <summary>Writes the rows as Parquet for <paramref name="table"/> and prepares one appended snapshot on main.</summary>
    public static async Task<SnapshotCommit> PrepareAppendAsync(TableFileIO io, CatalogTable table, IReadOnlyList<object?[]> rows)
    {
        var files = await new ParquetDataFileWriter(io).WriteRowsAsync(table.Metadata, rows);
        return await new AppendFiles(io).PrepareAsync(table.Metadata, files);
    }

    /// <summary>Appends the rows and commits them through the catalog; returns the committed table.</summary>
    public static async Task<CatalogTable> AppendAsync(ILakehouseCatalog catalog, TableFileIO io, CatalogTable table, IReadOnlyList<object?[]> rows)
    {
        var commit = await PrepareAppendAsync(io, table, rows);
        return await catalog.CommitAsync(table.Ident, commit.Requirements, commit.Updates, CancellationToken.None);
    }
}
