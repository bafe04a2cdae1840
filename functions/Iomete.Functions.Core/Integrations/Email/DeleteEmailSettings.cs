using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.Integrations.Email;

public sealed class DeleteEmailSettings(ICallerAccessor callers, IAccessControl access, EmailSettingsStore store)
{
    [Function("core-integrations-email-delete")]
    [OpenApiOperation("Integrations", "Delete the SMTP configuration")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404, Description = "No SMTP configuration is saved")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/integrations/email")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        if (!await store.DeleteAsync(ct))
        {
            throw new NotFoundException("SMTP configuration", "email");
        }
        return ApiResults.NoContent();
    }
}
