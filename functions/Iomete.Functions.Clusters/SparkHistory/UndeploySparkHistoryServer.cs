using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.SparkHistory;

public sealed class UndeploySparkHistoryServer(ICallerAccessor callers, IAccessControl access, SparkHistoryLocation location, IKubernetesWorkloads workloads)
{
    [Function("clusters-spark-history-undeploy")]
    [OpenApiOperation("Spark History Server", "Remove the Spark History Server from the data plane",
        Description = "COMPUTE_RESOURCES_MANAGER. The event logs stay in object storage. Removing an absent server is no error.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/spark-history-server")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        await workloads.DeleteDeploymentAsync(location.Namespace, HistoryServerDefinition.DefaultName, ct);
        await workloads.DeleteServiceAsync(location.Namespace, HistoryServerDefinition.DefaultName, ct);
        await workloads.DeleteSecretAsync(location.Namespace, DeploySparkHistoryServer.CredentialsSecret, ct);
        return ApiResults.NoContent();
    }
}
