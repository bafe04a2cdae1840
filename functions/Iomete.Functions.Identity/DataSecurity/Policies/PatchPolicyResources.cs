using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>MERGE or REMOVE resource sets (admin, tag and domain-scoped routes).</summary>
public sealed class PatchPolicyResources(PolicyOperations operations)
{
    [Function("identity-data-security-policies-patch-resources")]
    [OpenApiOperation("Data security", "Merge or remove resources of an access, mask or filter policy", Description = "kind: access, mask or filter.")]
    [OpenApiRequestBody(typeof(PatchResourcesBody))]
    [OpenApiResponse(200, typeof(DataPolicyBody))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/admin/data-security/{kind}/policy/{id}/resources")] HttpRequest request,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: false, null, id, ct);

    [Function("identity-data-security-tag-policies-patch-resources")]
    [OpenApiOperation("Data security", "Merge or remove resources of a tag-based access or mask policy", Description = "kind: access or mask.")]
    [OpenApiRequestBody(typeof(PatchResourcesBody))]
    [OpenApiResponse(200, typeof(DataPolicyBody))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public Task<IActionResult> RunTag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/admin/data-security/tag/{kind}/policy/{id}/resources")] HttpRequest request,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: true, null, id, ct);

    [Function("identity-data-security-domain-policies-patch-resources")]
    [OpenApiOperation("Data security", "Merge or remove resources of a policy of a domain (IOMETE's Python SDK route)", Description = "kind: access, mask or filter. The caller needs access to the domain.")]
    [OpenApiRequestBody(typeof(PatchResourcesBody))]
    [OpenApiResponse(200, typeof(DataPolicyBody))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public Task<IActionResult> RunDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/domains/{domain}/data-security/{kind}/policy/{id}/resources")] HttpRequest request,
        string domain,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: false, domain, id, ct);

    private async Task<IActionResult> RunAsync(HttpRequest request, string route, bool tag, string? domain, string id, CancellationToken ct)
    {
        var caller = await operations.WriterAsync(request, domain, ct);
        var kind = PolicyKinds.FromRoute(route, tag);
        var patch = await RequestBody.ReadAsync<PatchResourcesBody>(request, ct);
        return ApiResults.Ok(await operations.ChangeAsync(caller, kind, domain, id, current => PolicyPatch.Resources(kind, current, patch), ct));
    }
}
