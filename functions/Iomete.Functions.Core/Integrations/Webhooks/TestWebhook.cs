using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Webhooks;

public sealed class TestWebhook(ICallerAccessor callers, IAccessControl access, WebhookStore store, WebhookSender sender)
{
    public const string TestEvent = "webhook.test";

    [Function("core-integrations-webhooks-test")]
    [OpenApiOperation("Integrations", "Send a test event to a webhook", Description = "Delivers even when the webhook is disabled.")]
    [OpenApiResponse(200, typeof(WebhookDelivery))]
    [OpenApiResponse(404)]
    [OpenApiResponse(502, Description = "The receiver answered non-2xx, timed out or could not be reached")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/integrations/webhooks/{id}/test")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var target = await store.FindTargetAsync(id, ct) ?? throw new NotFoundException("Webhook", id);
        var delivery = await sender.SendAsync(
            target,
            TestEvent,
            new { webhookId = target.Id, name = target.Name, requestedBy = caller.Username, message = "This is a test event from IOMETE." },
            $"IOMETE test notification for webhook '{target.Name}', sent by {caller.Username}.",
            ct);
        return ApiResults.Ok(delivery);
    }
}
