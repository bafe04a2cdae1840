using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Email;

public sealed class PutEmailSettings(ICallerAccessor callers, IAccessControl access, EmailSettingsStore store)
{
    [Function("core-integrations-email-put")]
    [OpenApiOperation("Integrations", "Save the SMTP configuration",
        Description = "Authentication is forced on for STARTTLS and SSL_TLS; the password must be sent on every save.")]
    [OpenApiRequestBody(typeof(EmailSettingsRequest))]
    [OpenApiResponse(200, typeof(EmailSettingsView))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/integrations/email")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var settings = EmailSettingsRules.Validate(await RequestBody.ReadAsync<EmailSettingsRequest>(request, ct));
        return ApiResults.Ok(await store.SaveAsync(settings, caller.Username, ct));
    }
}
