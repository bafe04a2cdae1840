namespace Iomete.Functions.Identity.DataSecurity.Tags;

/// <summary>Classification tags (e.g. PII) on a table (<see cref="Column"/> null) or one of its columns. Names are lower case.</summary>
public sealed record ResourceTagAssignment(
    string Catalog,
    string Database,
    string Table,
    string? Column,
    IReadOnlyList<string> Tags,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt);

/// <summary>
/// Where the decider learns the tags of a table for tag-based policies. The data-security API assigns them, and the
/// catalog service adds and removes approved classifications (<see cref="ChangeResourceTagsInternal"/>).
/// </summary>
public interface IResourceTagSource
{
    /// <summary>The table-level and column-level tag assignments of one table (empty when it has none).</summary>
    ValueTask<IReadOnlyList<ResourceTagAssignment>> TagsForTableAsync(string catalog, string database, string table, CancellationToken ct);
}
