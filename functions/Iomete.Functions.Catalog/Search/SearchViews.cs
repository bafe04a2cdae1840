namespace Iomete.Functions.Catalog.Search;

/// <summary>A search result card (IOMETE's data catalog card).</summary>
/// <param name="Id">The index entry's id.</param>
/// <param name="Type">TABLE or VIEW.</param>
/// <param name="Provider">The table format, <c>iceberg</c>.</param>
/// <param name="Tags">Up to 3 approved classification tags (the table's first, then its columns').</param>
/// <param name="Owners">Up to 2 owners.</param>
/// <param name="Rank">Why it ranked where it did: EXACT_NAME, NAME_PREFIX, NAME, COLUMN_NAME, NAME_OR_COLUMN, TEXT (ALL without a query).</param>
public sealed record SearchCard(
    string Id,
    string Name,
    string Catalog,
    string Database,
    string Type,
    string Provider,
    string? Description,
    int ColumnCount,
    long? RowCount,
    long? SizeInBytes,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Owners,
    bool Deleted,
    DateTimeOffset? DeletedAt,
    DateTimeOffset LastModified,
    string Rank)
{
    public static SearchCard From(SearchHit hit)
    {
        var d = hit.Document;
        var t = d.Table;
        return new SearchCard(t.Id, t.Name, t.Catalog, t.Database, t.Type, t.Provider, d.Description, t.Columns.Count, t.RowCount, t.SizeBytes,
            d.Tags.Take(3).ToList(), d.Owners.Take(2).ToList(), t.Deleted, t.DeletedAt, t.LastModified, RankName(hit.Tier));
    }

    private static string RankName(int tier) => tier switch
    {
        6 => "EXACT_NAME",
        5 => "NAME_PREFIX",
        4 => "NAME",
        3 => "COLUMN_NAME",
        2 => "NAME_OR_COLUMN",
        1 => "TEXT",
        _ => "ALL",
    };
}
