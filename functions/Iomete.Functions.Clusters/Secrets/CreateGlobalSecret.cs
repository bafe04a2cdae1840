using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class CreateGlobalSecret(ICallerAccessor callers, IAccessControl access, SecretCommands commands)
{
    [Function("clusters-admin-global-secrets-create")]
    [OpenApiOperation("Secrets", "Create a global secret", Description = "Needs ADMINISTRATION_MANAGER. Written to the data plane's Secret iomete-secret-store.")]
    [OpenApiRequestBody(typeof(CreateSecretRequest))]
    [OpenApiResponse(201, typeof(SecretView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/secrets/global")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var body = await RequestBody.ReadAsync<CreateSecretRequest>(request, ct);
        SecretRules.RequireKey(body.Key);
        var entry = await commands.CreateAsync(SecretStore.GlobalScope, body, caller.Username, ct);
        return ApiResults.Created(SecretView.From(entry), $"/api/v1/admin/secrets/global/{entry.Key}");
    }
}
