using Iomete.DataSecurity.Decisions;
using Iomete.Functions.Catalog.Index;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Search;

public sealed class SearchCatalog(ICallerAccessor callers, IAccessControl access, IDataAccessDecider decider, LiveIndex index)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 256;

    [Function("catalog-search")]
    [OpenApiOperation("Data catalog", "Search tables and views",
        Description = "Full text over table, database and catalog names, descriptions, column names and descriptions, tags and owners, " +
                      "with typo tolerance. Ranked: exact name, name prefix, words in the name, exact column name, words in names and " +
                      "columns, anywhere. Filters repeat (any of the values). Only tables the caller may access in any way are shown.")]
    [OpenApiQuery("query", "The search text; empty lists everything (sorted by catalog, database, name)")]
    [OpenApiQuery("catalog", "Only these catalogs (repeatable)")]
    [OpenApiQuery("database", "Only these databases, as name or catalog.name (repeatable)")]
    [OpenApiQuery("tag", "Only entries with one of these classification tags (repeatable)")]
    [OpenApiQuery("owner", "Only entries owned by one of these (repeatable)")]
    [OpenApiQuery("type", "TABLE or VIEW (repeatable)")]
    [OpenApiQuery("deleted", "true for dropped entries only (kept until they expire); default false", Type = "boolean")]
    [OpenApiQuery("offset", "Skip this many results", Type = "integer")]
    [OpenApiQuery("limit", "Page size, 1-100 (default 25)", Type = "integer")]
    [OpenApiResponse(200, typeof(Page<SearchCard>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403, Description = "The caller lacks VIEW_DATA_CATALOG in the domain")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/data-catalog/search")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var (query, filter, offset, limit) = Read(request);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ViewDataCatalog, ct);

        var hits = await index.ReadAsync(i => i.Search(query, filter), ct);
        var visibility = new Visibility(decider, caller);
        var (window, total) = await visibility.PageAsync(hits, h => new DataResource(h.Document.Table.Catalog, h.Document.Table.Database, h.Document.Table.Name),
            offset, limit, ct);
        return ApiResults.Ok(new Page<SearchCard>(window.Select(SearchCard.From).ToList(), total, offset, limit));
    }

    internal static (string? Query, SearchFilter Filter, int Offset, int Limit) Read(HttpRequest request)
    {
        var query = request.Query["query"].ToString();
        if (query.Length > MaxQueryLength)
        {
            throw ValidationException.ForField("query", $"must be at most {MaxQueryLength} characters");
        }
        var offset = ListQuery.ReadInt(request, "offset", 0, 0, int.MaxValue);
        var limit = ListQuery.ReadInt(request, "limit", DefaultLimit, 1, MaxLimit);
        var types = Values(request, "type").Select(t => t.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (types.FirstOrDefault(t => t is not (IndexedTypes.Table or IndexedTypes.View)) is { } bad)
        {
            throw ValidationException.ForField("type", $"'{bad}' is not TABLE or VIEW");
        }
        var deletedText = request.Query["deleted"].ToString();
        var deleted = deletedText.Length != 0 && (bool.TryParse(deletedText, out var d) ? d
            : throw ValidationException.ForField("deleted", "must be true or false"));
        var filter = new SearchFilter(
            Values(request, "catalog").ToHashSet(StringComparer.Ordinal),
            Values(request, "database").ToHashSet(StringComparer.Ordinal),
            Values(request, "tag").ToHashSet(StringComparer.OrdinalIgnoreCase),
            Values(request, "owner").ToHashSet(StringComparer.OrdinalIgnoreCase),
            types,
            deleted);
        return (string.IsNullOrWhiteSpace(query) ? null : query, filter, offset, limit);
    }

    /// <summary>A repeatable filter: every occurrence, each also split at commas (<c>?tag=a&amp;tag=b</c> or <c>?tag=a,b</c>).</summary>
    private static IEnumerable<string> Values(HttpRequest request, string name) =>
        request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
