using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Secrets;

public sealed class CreateDomainSecret(ICallerAccessor callers, IAccessControl access, SecretCommands commands)
{
    [Function("clusters-secrets-create")]
    [OpenApiOperation("Secrets", "Create a domain secret", Description = "Needs MANAGE_SECRETS. The value is stored encrypted and written to the data plane's Secret iomete-secret-store-{domain}.")]
    [OpenApiRequestBody(typeof(CreateSecretRequest))]
    [OpenApiResponse(201, typeof(SecretView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/secrets")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSecrets, ct);
        var body = await RequestBody.ReadAsync<CreateSecretRequest>(request, ct);
        SecretRules.RequireKey(body.Key);
        var entry = await commands.CreateAsync(domain, body, caller.Username, ct);
        return ApiResults.Created(SecretView.From(entry), $"/api/v1/domains/{domain}/secrets/{entry.Key}");
    }
}
