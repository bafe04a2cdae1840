using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Webhooks;

public sealed class ListWebhooks(ICallerAccessor callers, IAccessControl access, WebhookStore store)
{
    [Function("core-integrations-webhooks-list")]
    [OpenApiOperation("Integrations", "List webhooks")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<WebhookView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/integrations/webhooks")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        return ApiResults.Ok(await store.ListAsync(ListQuery.From(request, WebhookStore.Sortable, "name"), ct));
    }
}
