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

/// <summary>Changes to a domain; omitted fields stay. <c>owners</c> (or <c>owner</c>) replaces the owner list.</summary>
public sealed record UpdateDomainRequest(
    [property: StringLength(255)] string? Name = null,
    ActorRequest? Owner = null,
    IReadOnlyList<ActorRequest>? Owners = null);

public sealed class UpdateDomain(ICallerAccessor callers, IAccessControl access, DomainStore domains, DomainViews views)
{
    [Function("identity-domains-update")]
    [OpenApiOperation("Domains", "Rename a domain or change its owners")]
    [OpenApiRequestBody(typeof(UpdateDomainRequest))]
    [OpenApiResponse(200, typeof(DomainView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/domains/{domainId}")] HttpRequest request,
        string domainId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DomainManager);

        var body = await RequestBody.ReadAsync<UpdateDomainRequest>(request, ct);
        if (body.Name is not null && string.IsNullOrWhiteSpace(body.Name))
        {
            throw ValidationException.ForField("name", "must not be blank");
        }
        if (body.Owners is { Count: 0 })
        {
            throw ValidationException.ForField("owners", "a domain needs at least one owner");
        }

        var requested = (body.Owners ?? []).Prepend(body.Owner).OfType<ActorRequest>().ToList();
        var owners = requested.Count == 0 ? null : await views.ResolveOwnersAsync(requested, ct);
        var updated = await domains.UpdateAsync(domainId, body.Name?.Trim(), owners, ct);
        return ApiResults.Ok(await views.ViewAsync(updated, ct));
    }
}
