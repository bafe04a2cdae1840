using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class DeleteDomainSecret(ICallerAccessor callers, IAccessControl access, SecretCommands commands)
{
    [Function("clusters-secrets-delete")]
    [OpenApiOperation("Secrets", "Delete a domain secret", Description = "Needs MANAGE_SECRETS.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/secrets/{key}")] HttpRequest request,
        string domain,
        string key,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSecrets, ct);
        await commands.DeleteAsync(domain, key, ct);
        return ApiResults.NoContent();
    }
}
