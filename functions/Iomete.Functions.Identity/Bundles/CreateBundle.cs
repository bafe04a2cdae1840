using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>A new resource bundle; the name is unique in its domain and cannot change. The owner defaults to the caller.</summary>
public sealed record CreateBundleRequest(
    [property: Required, StringLength(255)] string Name,
    [property: Required] string Domain,
    [property: StringLength(2048)] string? Description = null,
    ActorRequest? Owner = null);

public sealed class CreateBundle(ICallerAccessor callers, IAccessControl access, ActorDirectory directory, BundleStore bundles, BundleViews views)
{
    [Function("identity-bundles-create")]
    [OpenApiOperation("Resource bundles", "Create a resource bundle")]
    [OpenApiRequestBody(typeof(CreateBundleRequest))]
    [OpenApiResponse(201, typeof(BundleView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/bundles")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);

        var body = await RequestBody.ReadAsync<CreateBundleRequest>(request, ct);
        var name = body.Name.Trim();
        if (name.Length == 0 || name.Any(char.IsControl))
        {
            throw ValidationException.ForField("name", "must not be blank or contain control characters");
        }

        await access.RequireDomainPermissionAsync(caller, body.Domain, DomainPermission.CreateResourceBundle, ct);

        var owner = body.Owner is null
            ? new ActorView(caller.UserId, ActorType.User, caller.Username)
            : await directory.RequireAsync(body.Owner, ct);
        var created = await bundles.CreateAsync(body.Domain, name, body.Description, owner, caller.Username, ct);
        return ApiResults.Created(await views.ViewAsync(created, ct), $"/api/v1/bundles/{created.Id}");
    }
}
