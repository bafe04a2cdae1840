using Iomete.DataSecurity.Decisions;
using Iomete.Platform.Security;

namespace Iomete.Functions.Catalog.Search;

/// <summary>
/// What one request's caller may see: a catalog, database or table is visible when the data-security policies allow any
/// access to it (<see cref="DataAccessTypes.Any"/>, not audited: a listing is not a data access). Decisions are kept for
/// the request, so paging through thousands of hits asks each resource once.
/// </summary>
public sealed class Visibility(IDataAccessDecider decider, Caller caller)
{
    public const string Enforcer = "data-catalog";

    private readonly Dictionary<DataResource, bool> decided = [];

    public async ValueTask<bool> CanSeeAsync(DataResource resource, CancellationToken ct)
    {
        if (decided.TryGetValue(resource, out var known))
        {
            return known;
        }
        var decision = await decider.CheckAsync(new DataAccessRequest(caller, resource, DataAccessTypes.Any, Enforcer, "SEARCH", Audit: false), ct);
        decided[resource] = decision.Allowed;
        return decision.Allowed;
    }

    public ValueTask<bool> CanSeeTableAsync(string catalog, string database, string table, CancellationToken ct) =>
        CanSeeAsync(new DataResource(catalog, database, table), ct);

    /// <summary>The visible items of an ordered sequence, with their total, and the window asked for.</summary>
    public async Task<(List<T> Window, int Total)> PageAsync<T>(
        IEnumerable<T> ordered, Func<T, DataResource> resource, int offset, int limit, CancellationToken ct)
    {
        var window = new List<T>();
        var total = 0;
        foreach (var item in ordered)
        {
            if (!await CanSeeAsync(resource(item), ct))
            {
                continue;
            }
            if (total >= offset && window.Count < limit)
            {
                window.Add(item);
            }
            total++;
        }
        return (window, total);
    }
}
