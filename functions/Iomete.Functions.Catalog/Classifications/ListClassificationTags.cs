using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class ListClassificationTags(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-list")]
    [OpenApiOperation("Classifications", "List classification tags")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<ClassificationTag>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.AdminTags)] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: true);
        return ApiResults.Ok(await tags.ListAsync(ListQuery.From(request, ClassificationTagStore.Sortable, "name"), ct));
    }
}
