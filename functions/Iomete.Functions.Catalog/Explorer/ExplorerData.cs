using Iomete.DataSecurity.Decisions;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;
using Iomete.Platform.Http;

namespace Iomete.Functions.Catalog.Explorer;

/// <summary>The live (not deleted) entries of the index as one caller may see them.</summary>
internal sealed class ExplorerData(
    IReadOnlyList<IndexedCatalog> catalogs, IReadOnlyList<IndexedDatabase> databases, IReadOnlyList<IndexedTable> tables, Visibility visibility)
{
    public static async Task<ExplorerData> LoadAsync(LiveIndex index, Visibility visibility, string? catalog, string? database, CancellationToken ct) =>
        await index.ReadAsync(i => new ExplorerData(
            i.Catalogs.Where(c => !c.Deleted && (catalog is null || c.Name == catalog)).ToList(),
            i.Databases.Where(d => !d.Deleted && (catalog is null || d.Catalog == catalog) && (database is null || d.Name == database)).ToList(),
            i.Documents.Select(d => d.Table).Where(t => !t.Deleted && (catalog is null || t.Catalog == catalog) && (database is null || t.Database == database)).ToList(),
            visibility), ct);

    public IReadOnlyList<IndexedCatalog> Catalogs => catalogs;

    public IReadOnlyList<IndexedDatabase> Databases => databases;

    public async Task<List<IndexedTable>> VisibleTablesAsync(CancellationToken ct)
    {
        var visible = new List<IndexedTable>();
        foreach (var table in tables)
        {
            if (await visibility.CanSeeTableAsync(table.Catalog, table.Database, table.Name, ct))
            {
                visible.Add(table);
            }
        }
        return visible;
    }

    /// <summary>A container is shown when the caller may access it or anything in it.</summary>
    public async Task<bool> CanSeeAsync(DataResource container, IEnumerable<IndexedTable> visibleInside, CancellationToken ct) =>
        visibleInside.Any() || await visibility.CanSeeAsync(container, ct);

    /// <summary>Sorts (by the API key, descending with <see cref="ListQuery.Descending"/>), filters by the search text and pages.</summary>
    public static Page<T> Page<T>(IEnumerable<T> items, ListQuery query, Func<T, string> name, IReadOnlyDictionary<string, Func<T, IComparable?>> keys)
    {
        var filtered = query.Search is null ? items : items.Where(i => name(i).Contains(query.Search, StringComparison.OrdinalIgnoreCase));
        var key = keys[query.Sort!];
        var ordered = query.Descending
            ? filtered.OrderByDescending(key).ThenBy(name, StringComparer.Ordinal)
            : filtered.OrderBy(key).ThenBy(name, StringComparer.Ordinal);
        var all = ordered.ToList();
        return new Page<T>(all.Skip(query.Offset).Take(query.Limit).ToList(), all.Count, query.Offset, query.Limit);
    }

    /// <summary>The sort keys as <see cref="ListQuery.From"/> wants them (API name → itself).</summary>
    public static IReadOnlyDictionary<string, string> Sortable<T>(IReadOnlyDictionary<string, Func<T, IComparable?>> keys) =>
        keys.Keys.ToDictionary(k => k, k => k);
}
