using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>The Configuration tab: the Spark settings the application gets, the platform's defaults included.</summary>
public sealed record ComputeConfigurationView(IReadOnlyDictionary<string, string> SparkConf, IReadOnlyList<string> SecretKeys);

public sealed class ReadComputeConfiguration(ICallerAccessor callers, ComputeAccess access, ComputeApplications applications)
{
    [Function("clusters-compute-configuration")]
    [OpenApiOperation("Compute clusters", "The effective Spark configuration of a compute cluster (VIEW)",
        Description = "The user's sparkConf merged with what the platform derives (node-type resources, IOMETE's servers, single-node settings). " +
                      "Values of keys containing token, password or secret are masked; secret-backed keys read ${env:...}.")]
    [OpenApiResponse(200, typeof(ComputeConfigurationView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute/{id}/configuration")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.View, ct);
        var conf = await applications.EffectiveConfAsync(cluster, ct);
        return ApiResults.Ok(new ComputeConfigurationView(conf, cluster.Spec.SparkConfSecrets.Select(s => s.Key).ToList()));
    }
}
