using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

public sealed class ListDataRoles(ICallerAccessor callers, IAccessControl access, DataRoleStore roles)
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string> { ["name"] = "name", ["id"] = "id" };

    [Function("identity-data-security-roles-list")]
    [OpenApiOperation("Data security", "List Ranger roles")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<DataRoleView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/roles")] HttpRequest request,
        CancellationToken ct)
    {
        await DataRoleFunctions.AdminAsync(callers, access, request, forRead: true, ct);
        var query = ListQuery.From(request, Sortable, "name");
        var all = (await roles.ListAsync(ct))
            .Where(r => query.Search is null || r.Role.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase));
        var sorted = (query.Sort == "id" ? all.OrderBy(r => r.Id) : all.OrderBy(r => r.Role.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (query.Descending)
        {
            sorted.Reverse();
        }
        var items = sorted.Skip(query.Offset).Take(query.Limit).Select(DataRoleView.From).ToList();
        return ApiResults.Ok(new Page<DataRoleView>(items, sorted.Count, query.Offset, query.Limit));
    }
}
