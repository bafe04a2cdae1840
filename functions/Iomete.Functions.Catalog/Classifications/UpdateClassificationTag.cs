using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Classifications;

/// <param name="Version">When given, the update applies only to that version (409 otherwise).</param>
public sealed record UpdateClassificationTagRequest([property: StringLength(2000)] string? Description = null, long? Version = null);

public sealed class UpdateClassificationTag(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-update")]
    [OpenApiOperation("Classifications", "Change a classification tag's description", Description = "The name is fixed: policies and assignments refer to it.")]
    [OpenApiRequestBody(typeof(UpdateClassificationTagRequest))]
    [OpenApiResponse(200, typeof(ClassificationTag))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ClassificationAccess.AdminTags + "/{tagId}")] HttpRequest request,
        string tagId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: false);
        var body = await RequestBody.ReadAsync<UpdateClassificationTagRequest>(request, ct);
        var updated = await tags.UpdateAsync(tagId, string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim(), body.Version, ct)
            ?? throw new NotFoundException("Classification tag", tagId);
        return ApiResults.Ok(updated);
    }
}
