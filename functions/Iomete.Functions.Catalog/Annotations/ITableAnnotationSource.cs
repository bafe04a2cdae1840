namespace Iomete.Functions.Catalog.Annotations;

/// <summary>A table as the data catalog names it: catalog, database (one namespace level) and table.</summary>
public sealed record TableKey(string Catalog, string Database, string Table);

/// <summary>What people add to a table in the catalog, beyond what the table's metadata says.</summary>
/// <param name="Description">The Markdown documentation.</param>
/// <param name="Tags">Approved classification tags on the table.</param>
/// <param name="Columns">Column name → its description and approved classification tags.</param>
public sealed record TableAnnotations(
    TableKey Table,
    string? Description,
    IReadOnlyList<string> Owners,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, ColumnAnnotations> Columns);

public sealed record ColumnAnnotations(string? Description, IReadOnlyList<string> Tags);

/// <summary>
/// The catalog's annotations (owners, documentation, column descriptions, approved classifications) as the search index
/// reads them. Every change is also published on <c>data-catalog</c> (<see cref="Platform.Messaging.CatalogEntryChanged"/>),
/// after which the index reads the table's annotations again.
/// </summary>
public interface ITableAnnotationSource
{
    Task<TableAnnotations?> GetAsync(TableKey table, CancellationToken ct);

    /// <summary>Every annotated table, for a full rebuild of the index.</summary>
    IAsyncEnumerable<TableAnnotations> ListAllAsync(CancellationToken ct);
}
