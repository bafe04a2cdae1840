using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Sql.Explorer;

public sealed record CatalogItem(string Name);

public sealed record NamespaceItem(string Catalog, string Name);

public enum ExplorerObjectType
{
    Table,
    View,
}

public sealed record TableItem(string Catalog, string Namespace, string Name, ExplorerObjectType Type);

public sealed record ColumnView(int Id, string Name, string Type, bool Nullable, string? Comment);

public sealed record PartitionFieldView(string Name, string SourceColumn, string Transform);

public sealed record SnapshotView(long SnapshotId, long? ParentSnapshotId, long SequenceNumber, DateTimeOffset Timestamp, string? Operation,
    IReadOnlyDictionary<string, string> Summary);

public sealed record RefView(string Name, string Type, long SnapshotId, long? MaxRefAgeMs, long? MaxSnapshotAgeMs, int? MinSnapshotsToKeep);

public sealed record TableDetail(
    string Catalog,
    string Namespace,
    string Name,
    ExplorerObjectType Type,
    string Location,
    int? FormatVersion,
    IReadOnlyList<ColumnView> Columns,
    IReadOnlyList<PartitionFieldView> Partitioning,
    IReadOnlyDictionary<string, string> Properties,
    SnapshotView? CurrentSnapshot,
    long? RowCount,
    long? FileCount,
    DateTimeOffset LastUpdatedAt,
    string? ViewSql);

public sealed record SnapshotsAndRefs(IReadOnlyList<SnapshotView> Snapshots, IReadOnlyList<RefView> Refs);

/// <summary>Paging, name search and name sort over the names a catalog returns (catalog lists are small and unpaged).</summary>
internal static class NamePaging
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string> { ["name"] = "name" };

    public static Page<T> Apply<T>(HttpRequest request, IEnumerable<T> items, Func<T, string> name)
    {
        var query = ListQuery.From(request, Sortable, "name");
        var search = query.Search?.ToLowerInvariant();
        var matched = items.Where(i => search is null || name(i).Contains(search, StringComparison.OrdinalIgnoreCase));
        var sorted = (query.Descending ? matched.OrderByDescending(name, StringComparer.Ordinal) : matched.OrderBy(name, StringComparer.Ordinal)).ToList();
        return new Page<T>(sorted.Skip(query.Offset).Take(query.Limit).ToList(), sorted.Count, query.Offset, query.Limit);
    }

    public static void RequireName(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw ValidationException.ForField(field, "must not be empty");
        }
    }
}
