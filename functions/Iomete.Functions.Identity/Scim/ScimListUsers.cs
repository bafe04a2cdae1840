using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimListUsers(ICallerAccessor callers, ScimStore store)
{
    [Function("identity-scim-users-list")]
    [OpenApiOperation("SCIM", "List or search users (filter, startIndex, count)")]
    [OpenApiQuery("filter", "SCIM filter, e.g. userName eq \"alice\"")]
    [OpenApiQuery("startIndex", "1-based index of the first result (default 1)")]
    [OpenApiQuery("count", "results per page (default 10, at most 100)")]
    [OpenApiResponse(200)]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScimPaths.Route + "/Users")] HttpRequest request,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var filterText = request.Query["filter"].ToString();
        var filter = string.IsNullOrWhiteSpace(filterText) ? null : ScimFilter.Parse(filterText);
        var (startIndex, count) = Scim.Paging(request);

        var (total, users) = await store.UsersAsync(filter, startIndex, count, ct);
        return new ScimResult(200, Scim.ListResponse(total, startIndex, users.Select(u => ScimUserJson.ToJson(u.User, u.ExternalId)).ToList()));
    }
}
