using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Webhooks;

public sealed class CreateWebhook(ICallerAccessor callers, IAccessControl access, WebhookStore store)
{
    [Function("core-integrations-webhooks-create")]
    [OpenApiOperation("Integrations", "Create a webhook")]
    [OpenApiRequestBody(typeof(WebhookRequest))]
    [OpenApiResponse(201, typeof(WebhookView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409, Description = "A webhook with that name exists")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/integrations/webhooks")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var spec = WebhookRules.Validate(await RequestBody.ReadAsync<WebhookRequest>(request, ct), isUpdate: false);
        var created = await store.CreateAsync(spec, ct);
        return ApiResults.Created(created, $"/api/v1/admin/integrations/webhooks/{created.Id}");
    }
}
