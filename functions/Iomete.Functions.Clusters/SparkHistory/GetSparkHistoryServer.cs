using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.SparkHistory;

public sealed class GetSparkHistoryServer(ICallerAccessor callers, IAccessControl access, SparkHistoryLocation location, IKubernetesWorkloads workloads)
{
    [Function("clusters-spark-history-get")]
    [OpenApiOperation("Spark History Server", "Whether the Spark History Server is deployed and ready")]
    [OpenApiResponse(200, typeof(SparkHistoryServerView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/spark-history-server")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        var state = await workloads.GetDeploymentAsync(location.Namespace, HistoryServerDefinition.DefaultName, ct);
        return ApiResults.Ok(SparkHistoryServerView.From(location, state));
    }
}
