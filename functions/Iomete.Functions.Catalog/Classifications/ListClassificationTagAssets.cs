using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

public sealed record ClassificationAssetsView(ClassificationTag Tag, IReadOnlyList<ClassificationAsset> Items);

public sealed class ListClassificationTagAssets(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-assets")]
    [OpenApiOperation("Classifications", "List the tables and columns that carry a tag")]
    [OpenApiResponse(200, typeof(ClassificationAssetsView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ClassificationAccess.AdminTags + "/{tagId}/assets")] HttpRequest request,
        string tagId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: true);
        var tag = await tags.GetAsync(tagId, ct) ?? throw new NotFoundException("Classification tag", tagId);
        return ApiResults.Ok(new ClassificationAssetsView(tag, await tags.AssetsAsync(tag.Id, ct)));
    }
}
