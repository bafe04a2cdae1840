using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Webhooks;

public sealed class UpdateWebhook(ICallerAccessor callers, IAccessControl access, WebhookStore store)
{
    [Function("core-integrations-webhooks-update")]
    [OpenApiOperation("Integrations", "Replace a webhook", Description = "Leave secret out to keep the stored one; send \"\" to remove it.")]
    [OpenApiRequestBody(typeof(WebhookRequest))]
    [OpenApiResponse(200, typeof(WebhookView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409, Description = "Another webhook has that name")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/integrations/webhooks/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var spec = WebhookRules.Validate(await RequestBody.ReadAsync<WebhookRequest>(request, ct), isUpdate: true);
        return ApiResults.Ok(await store.UpdateAsync(id, spec, ct) ?? throw new NotFoundException("Webhook", id));
    }
}
