using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.ImageAliases;

public sealed class CreateTagAlias(ICallerAccessor callers, IAccessControl access, TagAliasStore store)
{
    [Function("clusters-tag-aliases-create")]
    [OpenApiOperation("Docker tag aliases", "Create a domain docker tag alias", Description = "Needs MANAGE_SPARK_SETTINGS. Aliases are unique per domain.")]
    [OpenApiRequestBody(typeof(CreateTagAliasRequest))]
    [OpenApiResponse(201, typeof(TagAliasView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/docker/tag-aliases")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSparkSettings, ct);
        var body = await RequestBody.ReadAsync<CreateTagAliasRequest>(request, ct);
        TagAliasRules.RequireAlias(body.Alias);
        TagAliasRules.RequireValue(body.Value);
        var created = await store.CreateAsync(domain, body.Alias!, body.Value!, caller.Username, ct);
        return ApiResults.Created(created, $"/api/v1/domains/{domain}/docker/tag-aliases/{created.Alias}");
    }
}
