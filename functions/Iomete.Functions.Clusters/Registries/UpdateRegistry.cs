using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Registries;

public sealed class UpdateRegistry(ICallerAccessor callers, IAccessControl access, RegistryStore store, PullSecrets pullSecrets)
{
    [Function("clusters-admin-registries-update")]
    [OpenApiOperation("Docker registries", "Change a registry's host and credentials (name and namespace are immutable)")]
    [OpenApiRequestBody(typeof(UpdateRegistryRequest))]
    [OpenApiResponse(200, typeof(RegistryView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/docker/registries/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var body = await RequestBody.ReadAsync<UpdateRegistryRequest>(request, ct);
        RegistryRules.RequireHost(body.Host);
        var current = await store.GetAsync(name, ct) ?? throw new NotFoundException("Docker registry", name);
        if (body.Name is not null && body.Name != current.Name)
        {
            throw ValidationException.ForField("name", "is immutable");
        }
        if (body.Namespace is not null && body.Namespace != current.Namespace)
        {
            throw ValidationException.ForField("namespace", "is immutable: delete the registry and add it again to move it");
        }
        var updated = await store.UpdateAsync(name, body, caller.Username, ct) ?? throw new NotFoundException("Docker registry", name);
        await pullSecrets.WriteAsync(name, ct);
        return ApiResults.Ok(updated);
    }
}
