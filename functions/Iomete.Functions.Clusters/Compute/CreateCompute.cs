using Iomete.Functions.Clusters.Actors;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Compute;

public sealed class CreateCompute(
    ICallerAccessor callers, ComputeAccess access, IAssetRegistry assets, ComputeClusterStore store, ComputeDefinitions definitions,
    ComputeActors actors, IIdGenerator ids, IOptions<DataPlaneOptions> dataPlane)
{
    [Function("clusters-compute-create")]
    [OpenApiOperation("Compute clusters", "Create a Spark compute cluster (CREATE_COMPUTE) and start it",
        Description = "Registers the cluster in the given resource bundle and starts it: STARTING until the driver runs, then ACTIVE. " +
                      "Without a Kubernetes data plane the answer is 409 DATA_PLANE_NOT_CONFIGURED and nothing is created.")]
    [OpenApiRequestBody(typeof(ComputeRequest))]
    [OpenApiResponse(201, typeof(ComputeClusterView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/compute")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<ComputeRequest>(request, ct);
        var name = ComputeRules.Name(body.Name);
        if (string.IsNullOrWhiteSpace(body.ResourceBundleId))
        {
            throw ValidationException.ForField("resourceBundleId", "is required");
        }
        await access.RequireCreateAsync(caller, domain, ct);
        var (ns, spec) = await definitions.ReadAsync(caller, domain, body, ct);
        if (!dataPlane.Value.Configured)
        {
            throw new DataPlaneNotConfiguredException();
        }

        var created = await store.CreateAsync(new ComputeCluster
        {
            Id = ids.NewId(),
            DomainId = domain,
            Name = name,
            Description = body.Description,
            ResourceBundleId = body.ResourceBundleId,
            Namespace = ns,
            Spec = spec,
            Status = ComputeStatus.Stopped,
            CreatedBy = caller.UserId,
        }, ct);
        try
        {
            await assets.RegisterAsync(caller, domain, created.ResourceBundleId, AssetType.Compute, created.Id, ct);
        }
        catch
        {
            await store.DeleteAsync(created.Id, CancellationToken.None);
            throw;
        }
        ComputeCluster result;
        try
        {
            result = await actors.Get(created.Id).StartAsync(caller.UserId, ct);
        }
        catch (ApiException)
        {
            // The cluster exists; a refused submission left it FAILED with the reason, which the view shows.
            result = await store.GetAsync(created.Id, ct) ?? created;
        }
        return ApiResults.Created(ComputeClusterView.From(result), $"/api/v2/domains/{domain}/compute/{result.Id}");
    }
}
