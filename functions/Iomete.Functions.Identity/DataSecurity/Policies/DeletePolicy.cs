using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>Delete one policy (admin, tag and domain-scoped routes).</summary>
public sealed class DeletePolicy(PolicyOperations operations)
{
    [Function("identity-data-security-policies-delete")]
    [OpenApiOperation("Data security", "Delete an access, mask or filter policy", Description = "kind: access, mask or filter.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/data-security/{kind}/policy/{id}")] HttpRequest request,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: false, null, id, ct);

    [Function("identity-data-security-tag-policies-delete")]
    [OpenApiOperation("Data security", "Delete a tag-based access or mask policy", Description = "kind: access or mask.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public Task<IActionResult> RunTag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/data-security/tag/{kind}/policy/{id}")] HttpRequest request,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: true, null, id, ct);

    [Function("identity-data-security-domain-policies-delete")]
    [OpenApiOperation("Data security", "Delete a policy of a domain (IOMETE's Python SDK route)", Description = "kind: access, mask or filter. The caller needs access to the domain.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public Task<IActionResult> RunDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/data-security/{kind}/policy/{id}")] HttpRequest request,
        string domain,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: false, domain, id, ct);

    private async Task<IActionResult> RunAsync(HttpRequest request, string route, bool tag, string? domain, string id, CancellationToken ct)
    {
        var caller = await operations.WriterAsync(request, domain, ct);
        var kind = PolicyKinds.FromRoute(route, tag);
        await operations.DeleteAsync(caller, kind, domain, id, ct);
        return ApiResults.NoContent();
    }
}
