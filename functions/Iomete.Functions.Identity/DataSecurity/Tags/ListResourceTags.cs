using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Tags;

public sealed class ListResourceTags(ICallerAccessor callers, IAccessControl access, ResourceTagStore tags)
{
    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string> { ["resource"] = "resource" };

    [Function("identity-data-security-resource-tags-list")]
    [OpenApiOperation("Data security", "List tag assignments of tables and columns")]
    [OpenApiPaged]
    [OpenApiQuery("catalog", "Only this catalog")]
    [OpenApiQuery("database", "Only this database")]
    [OpenApiQuery("table", "Only this table")]
    [OpenApiQuery("tag", "Only assignments with this tag")]
    [OpenApiResponse(200, typeof(Page<ResourceTagAssignment>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/resource-tags")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager, forRead: true);
        var query = ListQuery.From(request, Sortable, "resource");
        var all = await tags.ListAsync(new ResourceTagFilter(Text(request, "catalog"), Text(request, "database"), Text(request, "table"),
            Text(request, "tag")), ct);
        var items = (query.Descending ? all.Reverse() : all).Skip(query.Offset).Take(query.Limit).ToList();
        return ApiResults.Ok(new Page<ResourceTagAssignment>(items, all.Count, query.Offset, query.Limit));
    }

    internal static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
