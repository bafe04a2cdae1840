using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class DeleteGlobalSecret(ICallerAccessor callers, IAccessControl access, SecretCommands commands)
{
    [Function("clusters-admin-global-secrets-delete")]
    [OpenApiOperation("Secrets", "Delete a global secret", Description = "Needs ADMINISTRATION_MANAGER.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/secrets/global/{key}")] HttpRequest request,
        string key,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        await commands.DeleteAsync(SecretStore.GlobalScope, key, ct);
        return ApiResults.NoContent();
    }
}
