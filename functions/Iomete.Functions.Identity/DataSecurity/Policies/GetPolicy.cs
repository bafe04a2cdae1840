using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>Get one policy (admin, tag and domain-scoped routes).</summary>
public sealed class GetPolicy(PolicyOperations operations)
{
    [Function("identity-data-security-policies-get")]
    [OpenApiOperation("Data security", "Get an access, mask or filter policy", Description = "kind: access, mask or filter.")]
    [OpenApiResponse(200, typeof(DataPolicyBody))]
    [OpenApiResponse(404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/{kind}/policy/{id}")] HttpRequest request,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: false, null, id, ct);

    [Function("identity-data-security-tag-policies-get")]
    [OpenApiOperation("Data security", "Get a tag-based access or mask policy", Description = "kind: access or mask.")]
    [OpenApiResponse(200, typeof(DataPolicyBody))]
    [OpenApiResponse(404)]
    public Task<IActionResult> RunTag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/tag/{kind}/policy/{id}")] HttpRequest request,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: true, null, id, ct);

    [Function("identity-data-security-domain-policies-get")]
    [OpenApiOperation("Data security", "Get a policy of a domain (IOMETE's Python SDK route)", Description = "kind: access, mask or filter. The caller needs access to the domain.")]
    [OpenApiResponse(200, typeof(DataPolicyBody))]
    [OpenApiResponse(404)]
    public Task<IActionResult> RunDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/data-security/{kind}/policy/{id}")] HttpRequest request,
        string domain,
        string kind,
        string id,
        CancellationToken ct) => RunAsync(request, kind, tag: false, domain, id, ct);

    private async Task<IActionResult> RunAsync(HttpRequest request, string route, bool tag, string? domain, string id, CancellationToken ct)
    {
        await operations.ReaderAsync(request, domain, ct);
        var kind = PolicyKinds.FromRoute(route, tag);
        return ApiResults.Ok(PolicyMapper.ToBody(await operations.GetAsync(kind, domain, id, ct)));
    }
}
