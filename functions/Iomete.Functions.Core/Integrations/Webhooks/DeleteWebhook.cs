using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Webhooks;

public sealed class DeleteWebhook(ICallerAccessor callers, IAccessControl access, WebhookStore store)
{
    [Function("core-integrations-webhooks-delete")]
    [OpenApiOperation("Integrations", "Delete a webhook")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/integrations/webhooks/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        if (!await store.DeleteAsync(id, ct))
        {
            throw new NotFoundException("Webhook", id);
        }
        return ApiResults.NoContent();
    }
}
