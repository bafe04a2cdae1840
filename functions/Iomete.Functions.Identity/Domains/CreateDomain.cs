using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Domains;

/// <summary>A new domain: <c>owner</c> or <c>owners</c> (the caller when neither is given); name defaults to the id.</summary>
public sealed record CreateDomainRequest(
    [property: Required] string Id,
    [property: StringLength(255)] string? Name = null,
    ActorRequest? Owner = null,
    IReadOnlyList<ActorRequest>? Owners = null);

public sealed class CreateDomain(ICallerAccessor callers, IAccessControl access, DomainStore domains, DomainViews views)
{
    [Function("identity-domains-create")]
    [OpenApiOperation("Domains", "Create a domain and its DOMAIN bundle")]
    [OpenApiRequestBody(typeof(CreateDomainRequest))]
    [OpenApiResponse(201, typeof(DomainView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/admin/domains")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // The role check needs no input, so a caller without it learns nothing about validation.
        access.RequireAdminRole(caller, AdminRole.DomainManager);

        var body = await RequestBody.ReadAsync<CreateDomainRequest>(request, ct);
        var id = body.Id.Trim();
        if (!DomainRules.IsValidId(id))
        {
            throw ValidationException.ForField("id",
                $"must be 1-{DomainRules.MaxIdLength} lowercase letters, digits or hyphens, starting and ending with a letter or digit");
        }
        var name = string.IsNullOrWhiteSpace(body.Name) ? id : body.Name.Trim();

        var requested = (body.Owners ?? []).Prepend(body.Owner).OfType<ActorRequest>().ToList();
        var owners = requested.Count == 0
            ? [new DomainOwner("USER", caller.UserId)]
            : await views.ResolveOwnersAsync(requested, ct);
        var created = await domains.CreateAsync(id, name, owners, caller.Username, ct);
        return ApiResults.Created(await views.ViewAsync(created, ct), $"/api/v1/admin/domains/{id}");
    }
}
