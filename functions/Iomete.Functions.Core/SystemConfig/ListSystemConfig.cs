using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.SystemConfig;

public sealed class ListSystemConfig(ICallerAccessor callers, IAccessControl access, SystemConfigStore store)
{
    private static readonly Dictionary<string, string> Sortable = new() { ["key"] = "key" };

    [Function("core-system-config-list")]
    [OpenApiOperation("System config", "List every system-config key with its value and default")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<SystemConfigEntry>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/system-config")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        var query = ListQuery.From(request, Sortable, "key");

        IEnumerable<SystemConfigEntry> entries = await store.ListAsync(ct);
        if (query.Search is { } search)
        {
            entries = entries.Where(e => e.Key.Contains(search, StringComparison.OrdinalIgnoreCase) ||
                                         e.Description.Contains(search, StringComparison.OrdinalIgnoreCase));
        }
        var sorted = (query.Descending ? entries.OrderByDescending(e => e.Key, StringComparer.Ordinal) : entries.OrderBy(e => e.Key, StringComparer.Ordinal)).ToList();
        return ApiResults.Ok(new Page<SystemConfigEntry>(sorted.Skip(query.Offset).Take(query.Limit).ToList(), sorted.Count, query.Offset, query.Limit));
    }
}
