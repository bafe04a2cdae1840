using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class ListDomainSecrets(ICallerAccessor callers, IAccessControl access, SecretStore store)
{
    [Function("clusters-secrets-list")]
    [OpenApiOperation("Secrets", "List a domain's secret keys (never their values)", Description = "Needs the domain permission LIST_SECRETS.")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<SecretView>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/secrets")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, SecretStore.Sortable, "key");
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ListSecrets, ct);
        var page = await store.ListAsync(domain, query, ct);
        return ApiResults.Ok(new Page<SecretView>(page.Items.Select(SecretView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
