using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.SparkHistory;

public sealed class DeploySparkHistoryServer(ICallerAccessor callers, IAccessControl access, SparkHistoryLocation location, IKubernetesWorkloads workloads)
{
    public const string CredentialsSecret = HistoryServerDefinition.DefaultName + "-s3";

    [Function("clusters-spark-history-deploy")]
    [OpenApiOperation("Spark History Server", "Deploy (or redeploy) the Spark History Server on the data plane",
        Description = "COMPUTE_RESOURCES_MANAGER. A Deployment + Service in the first data-plane namespace reading the event logs of " +
                      "iomete-assets/spark-history/ in the platform's S3 store. 409 without a data plane or an event-log folder.")]
    [OpenApiResponse(200, typeof(SparkHistoryServerView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/spark-history-server")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager);
        var credentials = location.Credentials;
        var definition = location.RequireDefinition(credentials is null ? null : CredentialsSecret);
        var manifests = HistoryServerManifests.Build(definition);
        if (credentials is { } keys)
            await workloads.ApplySecretAsync(Secret(definition, keys.AccessKey, keys.SecretKey), ct);
        await workloads.ApplyServiceAsync(manifests.Service, ct);
        await workloads.ApplyDeploymentAsync(manifests.Deployment, ct);
        return ApiResults.Ok(SparkHistoryServerView.From(location, await workloads.GetDeploymentAsync(definition.Namespace, definition.Name, ct)));
    }

    private static JsonObject Secret(HistoryServerDefinition d, string accessKey, string secretKey) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject
        {
            ["name"] = CredentialsSecret, ["namespace"] = d.Namespace,
            ["labels"] = new JsonObject { [ManifestLabels.Managed] = "true", ["app.kubernetes.io/name"] = "spark-history-server" },
        },
        ["type"] = "Opaque",
        ["stringData"] = new JsonObject { ["AWS_ACCESS_KEY_ID"] = accessKey, ["AWS_SECRET_ACCESS_KEY"] = secretKey },
    };
}
