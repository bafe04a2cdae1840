using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.ImageAliases;

public sealed class DeleteTagAlias(ICallerAccessor callers, IAccessControl access, TagAliasStore store)
{
    [Function("clusters-tag-aliases-delete")]
    [OpenApiOperation("Docker tag aliases", "Delete a domain docker tag alias", Description = "Needs MANAGE_SPARK_SETTINGS.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/docker/tag-aliases/{alias}")] HttpRequest request,
        string domain,
        string alias,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSparkSettings, ct);
        if (!await store.DeleteAsync(domain, alias, ct))
        {
            throw new NotFoundException("Tag alias", alias);
        }
        return ApiResults.NoContent();
    }
}
