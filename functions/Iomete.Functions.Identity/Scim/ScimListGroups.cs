using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimListGroups(ICallerAccessor callers, ScimStore store)
{
    [Function("identity-scim-groups-list")]
    [OpenApiOperation("SCIM", "List or search groups (filter, startIndex, count, excludedAttributes=members)")]
    [OpenApiQuery("filter", "SCIM filter, e.g. displayName eq \"engineers\"")]
    [OpenApiQuery("startIndex", "1-based index of the first result (default 1)")]
    [OpenApiQuery("count", "results per page (default 10, at most 100)")]
    [OpenApiQuery("excludedAttributes", "'members' leaves the members out")]
    [OpenApiResponse(200)]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScimPaths.Route + "/Groups")] HttpRequest request,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var filterText = request.Query["filter"].ToString();
        var filter = string.IsNullOrWhiteSpace(filterText) ? null : ScimFilter.Parse(filterText);
        var (startIndex, count) = Scim.Paging(request);

        var (total, groups) = await store.GroupsAsync(filter, startIndex, count, ct);
        var withMembers = ScimGroupJson.WantsMembers(request);
        var resources = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var (group, meta) in groups)
        {
            resources.Add(ScimGroupJson.ToJson(group, meta, withMembers ? await store.MembersAsync(group.Id, ct) : null));
        }
        return new ScimResult(200, Scim.ListResponse(total, startIndex, resources));
    }
}
