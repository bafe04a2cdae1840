using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class GetClassificationTagByName(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-get-by-name")]
    [OpenApiOperation("Classifications", "Get a classification tag by name")]
    [OpenApiResponse(200, typeof(ClassificationTag))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.AdminTags + "/name/{tagName}")] HttpRequest request,
        string tagName,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: true);
        return ApiResults.Ok(await tags.GetByNameAsync(tagName, ct) ?? throw new NotFoundException("Classification tag", tagName));
    }
}
