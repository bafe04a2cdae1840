using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>List policies of a kind (paged; filters) (admin, tag and domain-scoped routes).</summary>
public sealed class ListPolicies(PolicyOperations operations)
{
    [Function("identity-data-security-policies-list")]
    [OpenApiOperation("Data security", "List access, mask or filter policies", Description = "kind: access, mask or filter.")]
    [OpenApiPaged]
    [OpenApiQuery("isEnabled", "true or false")]
    [OpenApiQuery("priority", "NORMAL or OVERRIDE")]
    [OpenApiQuery("user", "Only policies naming this user")]
    [OpenApiQuery("group", "Only policies naming this group")]
    [OpenApiQuery("database", "Only policies on this database (catalog.database; wildcards in policies match)")]
    [OpenApiQuery("table", "Only policies on this table")]
    [OpenApiResponse(200, typeof(Page<DataPolicyBody>))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/{kind}/policy")] HttpRequest request,
        string kind,
        CancellationToken ct) => RunAsync(request, kind, tag: false, null, ct);

    [Function("identity-data-security-tag-policies-list")]
    [OpenApiOperation("Data security", "List tag-based access or mask policies", Description = "kind: access or mask.")]
    [OpenApiPaged]
    [OpenApiQuery("isEnabled", "true or false")]
    [OpenApiQuery("priority", "NORMAL or OVERRIDE")]
    [OpenApiQuery("user", "Only policies naming this user")]
    [OpenApiQuery("group", "Only policies naming this group")]
    [OpenApiQuery("database", "Only policies on this database (catalog.database; wildcards in policies match)")]
    [OpenApiQuery("table", "Only policies on this table")]
    [OpenApiResponse(200, typeof(Page<DataPolicyBody>))]
    public Task<IActionResult> RunTag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/data-security/tag/{kind}/policy")] HttpRequest request,
        string kind,
        CancellationToken ct) => RunAsync(request, kind, tag: true, null, ct);

    [Function("identity-data-security-domain-policies-list")]
    [OpenApiOperation("Data security", "List the policies of a domain (IOMETE's Python SDK route)", Description = "kind: access, mask or filter. The caller needs access to the domain.")]
    [OpenApiPaged]
    [OpenApiQuery("isEnabled", "true or false")]
    [OpenApiQuery("priority", "NORMAL or OVERRIDE")]
    [OpenApiQuery("user", "Only policies naming this user")]
    [OpenApiQuery("group", "Only policies naming this group")]
    [OpenApiQuery("database", "Only policies on this database (catalog.database; wildcards in policies match)")]
    [OpenApiQuery("table", "Only policies on this table")]
    [OpenApiResponse(200, typeof(Page<DataPolicyBody>))]
    public Task<IActionResult> RunDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/data-security/{kind}/policy")] HttpRequest request,
        string domain,
        string kind,
        CancellationToken ct) => RunAsync(request, kind, tag: false, domain, ct);

    private async Task<IActionResult> RunAsync(HttpRequest request, string route, bool tag, string? domain, CancellationToken ct)
    {
        await operations.ReaderAsync(request, domain, ct);
        var kind = PolicyKinds.FromRoute(route, tag);
        return ApiResults.Ok(await operations.ListAsync(request, kind, domain, ct));
    }
}
