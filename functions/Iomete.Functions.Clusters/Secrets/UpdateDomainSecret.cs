using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class UpdateDomainSecret(ICallerAccessor callers, IAccessControl access, SecretCommands commands)
{
    [Function("clusters-secrets-update")]
    [OpenApiOperation("Secrets", "Change a domain secret's value", Description = "Needs MANAGE_SECRETS.")]
    [OpenApiRequestBody(typeof(UpdateSecretRequest))]
    [OpenApiResponse(200, typeof(SecretView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/secrets/{key}")] HttpRequest request,
        string domain,
        string key,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSecrets, ct);
        var body = await RequestBody.ReadAsync<UpdateSecretRequest>(request, ct);
        return ApiResults.Ok(SecretView.From(await commands.UpdateAsync(domain, key, body, caller.Username, ct)));
    }
}
