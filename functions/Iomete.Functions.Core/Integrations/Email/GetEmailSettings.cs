using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Email;

public sealed class GetEmailSettings(ICallerAccessor callers, IAccessControl access, EmailSettingsStore store)
{
    [Function("core-integrations-email-get")]
    [OpenApiOperation("Integrations", "Read the SMTP configuration", Description = "The password is never returned; passwordSet tells whether one is stored.")]
    [OpenApiResponse(200, typeof(EmailSettingsView))]
    [OpenApiResponse(404, Description = "No SMTP configuration is saved")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/integrations/email")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        return ApiResults.Ok(await store.GetAsync(ct) ?? throw new NotFoundException("SMTP configuration", "email"));
    }
}
