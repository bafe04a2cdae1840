using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class UpdateGlobalSecret(ICallerAccessor callers, IAccessControl access, SecretCommands commands)
{
    [Function("clusters-admin-global-secrets-update")]
    [OpenApiOperation("Secrets", "Change a global secret's value", Description = "Needs ADMINISTRATION_MANAGER.")]
    [OpenApiRequestBody(typeof(UpdateSecretRequest))]
    [OpenApiResponse(200, typeof(SecretView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/secrets/global/{key}")] HttpRequest request,
        string key,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var body = await RequestBody.ReadAsync<UpdateSecretRequest>(request, ct);
        return ApiResults.Ok(SecretView.From(await commands.UpdateAsync(SecretStore.GlobalScope, key, body, caller.Username, ct)));
    }
}
