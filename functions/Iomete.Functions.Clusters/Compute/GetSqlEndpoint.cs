using System.Text.Json.Serialization;
using Iomete.Functions.Clusters.Actors;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>Where the SQL service sends a caller's statements: <c>kind</c> LOCAL (the embedded engine, no host) or SPARK.</summary>
public sealed record SqlEndpointView(
    string Id,
    string Name,
    string Kind,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Host,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? SparkConnectPort);

public sealed class GetSqlEndpoint(ICallerAccessor callers, ComputeAccess access, ComputeActors actors)
{
    [Function("clusters-compute-sql-endpoint")]
    [OpenApiOperation("Compute clusters (internal)", "The Spark Connect endpoint of a compute cluster for the SQL service (CONSUME)",
        Description = "Called with the end user's own credentials; {cluster} is an id or a name. Counts as use of the cluster: its idle timer starts again.")]
    [OpenApiResponse(200, typeof(SqlEndpointView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/internal/clusters/domains/{domain}/compute/{cluster}/sql-endpoint")] HttpRequest request,
        string domain,
        string cluster,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (LocalCompute.Is(cluster))
        {
            await access.RequireDomainAsync(caller, domain, ct);
            return ApiResults.Ok(new SqlEndpointView(ComputeRules.Local, ComputeRules.Local, "LOCAL", "ACTIVE", null, null));
        }
        var found = await access.RequireAsync(caller, domain, cluster, ComputeAccess.Consume, ct);
        await actors.Get(found.Id).TouchAsync(ct);
        return ApiResults.Ok(new SqlEndpointView(
            found.Id, found.Name, "SPARK", ComputeClusterRow.Stored(found.Status), ComputeApplications.Host(found), DriverPorts.SparkConnect.Port));
    }
}
