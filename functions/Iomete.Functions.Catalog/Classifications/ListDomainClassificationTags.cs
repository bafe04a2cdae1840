using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class ListDomainClassificationTags(ICallerAccessor callers, IAccessControl access, ClassificationTagStore tags)
{
    [Function("catalog-domain-classification-tags-list")]
    [OpenApiOperation("Classifications", "List the classification tags a domain member can request")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<ClassificationTag>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.DomainTags)] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ViewDataCatalog, ct);
        return ApiResults.Ok(await tags.ListAsync(ListQuery.From(request, ClassificationTagStore.Sortable, "name"), ct));
    }
}
