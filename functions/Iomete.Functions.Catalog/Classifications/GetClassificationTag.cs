using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class GetClassificationTag(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-get")]
    [OpenApiOperation("Classifications", "Get a classification tag")]
    [OpenApiResponse(200, typeof(ClassificationTag))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.AdminTags + "/{tagId}")] HttpRequest request,
        string tagId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: true);
        return ApiResults.Ok(await tags.GetAsync(tagId, ct) ?? throw new NotFoundException("Classification tag", tagId));
    }
}
