using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.ImageAliases;

public sealed class UpdateTagAlias(ICallerAccessor callers, IAccessControl access, TagAliasStore store)
{
    [Function("clusters-tag-aliases-update")]
    [OpenApiOperation("Docker tag aliases", "Change the value of a domain docker tag alias", Description = "Needs MANAGE_SPARK_SETTINGS.")]
    [OpenApiRequestBody(typeof(UpdateTagAliasRequest))]
    [OpenApiResponse(200, typeof(TagAliasView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/docker/tag-aliases/{alias}")] HttpRequest request,
        string domain,
        string alias,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSparkSettings, ct);
        var body = await RequestBody.ReadAsync<UpdateTagAliasRequest>(request, ct);
        TagAliasRules.RequireValue(body.Value);
        return ApiResults.Ok(await store.UpdateAsync(domain, alias, body.Value!, caller.Username, ct) ?? throw new NotFoundException("Tag alias", alias));
    }
}
