using Iomete.Functions.Clusters.Namespaces;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Registries;

public sealed class CreateRegistry(ICallerAccessor callers, IAccessControl access, NamespaceAccess namespaces, RegistryStore store, PullSecrets pullSecrets)
{
    [Function("clusters-admin-registries-create")]
    [OpenApiOperation("Docker registries", "Add a private docker registry",
        Description = "Creates the image-pull Secret iomete-registry-{name} (kubernetes.io/dockerconfigjson) in the registry's namespace when a data plane is configured.")]
    [OpenApiRequestBody(typeof(CreateRegistryRequest))]
    [OpenApiResponse(201, typeof(RegistryView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/docker/registries")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var body = await RequestBody.ReadAsync<CreateRegistryRequest>(request, ct);
        RegistryRules.RequireName(body.Name);
        RegistryRules.RequireHost(body.Host);
        namespaces.RequireKnown(body.Namespace!);
        var created = await store.CreateAsync(body, caller.Username, ct);
        await pullSecrets.WriteAsync(created.Name, ct);
        return ApiResults.Created(created, $"/api/v1/admin/docker/registries/{created.Name}");
    }
}
