using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>Create an access, mask or row-filter policy (resource or tag based; admin or domain-scoped route).</summary>
public sealed class CreatePolicy(PolicyOperations operations)
{
    [Function("identity-data-security-policies-create")]
    [OpenApiOperation("Data security", "Create an access, mask or filter policy", Description = "kind: access, mask or filter.")]
    [OpenApiRequestBody(typeof(DataPolicyBody))]
    [OpenApiResponse(201, typeof(DataPolicyBody))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/data-security/{kind}/policy")] HttpRequest request,
        string kind,
        CancellationToken ct) => RunAsync(request, kind, tag: false, null, ct);

    [Function("identity-data-security-tag-policies-create")]
    [OpenApiOperation("Data security", "Create a tag-based access or mask policy", Description = "kind: access or mask.")]
    [OpenApiRequestBody(typeof(DataPolicyBody))]
    [OpenApiResponse(201, typeof(DataPolicyBody))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409)]
    public Task<IActionResult> RunTag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/data-security/tag/{kind}/policy")] HttpRequest request,
        string kind,
        CancellationToken ct) => RunAsync(request, kind, tag: true, null, ct);

    [Function("identity-data-security-domain-policies-create")]
    [OpenApiOperation("Data security", "Create a policy in a domain (IOMETE's Python SDK route)", Description = "kind: access, mask or filter.")]
    [OpenApiRequestBody(typeof(DataPolicyBody))]
    [OpenApiResponse(201, typeof(DataPolicyBody))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public Task<IActionResult> RunDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/data-security/{kind}/policy")] HttpRequest request,
        string domain,
        string kind,
        CancellationToken ct) => RunAsync(request, kind, tag: false, domain, ct);

    private async Task<IActionResult> RunAsync(HttpRequest request, string route, bool tag, string? domain, CancellationToken ct)
    {
        var caller = await operations.WriterAsync(request, domain, ct);
        var kind = PolicyKinds.FromRoute(route, tag);
        var body = await RequestBody.ReadAsync<DataPolicyBody>(request, ct);
        var created = await operations.CreateAsync(caller, kind, domain, body, ct);
        return ApiResults.Created(created, $"{request.Path}/{created.Id}");
    }
}
