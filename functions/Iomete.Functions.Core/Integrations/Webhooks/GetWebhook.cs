using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Webhooks;

public sealed class GetWebhook(ICallerAccessor callers, IAccessControl access, WebhookStore store)
{
    [Function("core-integrations-webhooks-get")]
    [OpenApiOperation("Integrations", "Read a webhook")]
    [OpenApiResponse(200, typeof(WebhookView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/integrations/webhooks/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        return ApiResults.Ok(await store.FindAsync(id, ct) ?? throw new NotFoundException("Webhook", id));
    }
}
