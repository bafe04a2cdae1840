using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class ListGlobalSecrets(ICallerAccessor callers, SecretStore store)
{
    [Function("clusters-global-secrets-list")]
    [OpenApiOperation("Secrets", "List the global secret keys (read-only; never their values)",
        Description = "Every signed-in user may see which global secrets exist, to reference them; only admins change them.")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<SecretView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/secrets/global")] HttpRequest request,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, SecretStore.Sortable, "key");
        var page = await store.ListAsync(SecretStore.GlobalScope, query, ct);
        return ApiResults.Ok(new Page<SecretView>(page.Items.Select(SecretView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
