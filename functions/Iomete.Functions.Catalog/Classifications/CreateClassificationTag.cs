using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Catalog.Classifications;

/// <param name="Name">1 to 128 letters, digits, '_', '-' or '.'; unique regardless of case.</param>
public sealed record ClassificationTagRequest(
    [property: Required] string? Name,
    [property: StringLength(2000)] string? Description = null);

public sealed class CreateClassificationTag(ICallerAccessor callers, ClassificationTagStore tags)
{
    [Function("catalog-classification-tags-create")]
    [OpenApiOperation("Classifications", "Create a classification tag")]
    [OpenApiRequestBody(typeof(ClassificationTagRequest))]
    [OpenApiResponse(201, typeof(ClassificationTag))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ClassificationAccess.AdminTags)] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        ClassificationAccess.RequireGovernor(caller, forRead: false);
        var body = await RequestBody.ReadAsync<ClassificationTagRequest>(request, ct);
        var name = body.Name!.Trim();
        if (!ClassificationAccess.TagName().IsMatch(name))
        {
            throw ValidationException.ForField("name", "1 to 128 letters, digits, '_', '-' or '.'");
        }
        var created = await tags.CreateAsync(name, string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim(), caller.UserId, ct);
        return ApiResults.Created(created, $"/{ClassificationAccess.AdminTags}/{created.Id}");
    }
}
