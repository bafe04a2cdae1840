using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed class ListClassificationTagAssetsByName(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-assets-by-name")]
    [OpenApiOperation("Classifications", "List the tables and columns that carry a tag, by tag name")]
    [OpenApiResponse(200, typeof(ClassificationAssetsView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.AdminTags + "/name/{tagName}/assets")] HttpRequest request,
        string tagName,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: true);
        var tag = await tags.GetByNameAsync(tagName, ct) ?? throw new NotFoundException("Classification tag", tagName);
        return ApiResults.Ok(new ClassificationAssetsView(tag, await tags.AssetsAsync(tag.Id, ct)));
    }
}
