using System.Text.Json.Nodes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>
/// The core/v1 Service that gives a compute cluster's driver a stable address for JDBC (HiveServer2), Spark Connect
/// and Arrow Flight. Spark's own driver Service is headless and named with a random suffix, so clients need ours.
/// It selects the driver pod by the labels <see cref="SparkApplicationBuilder"/> puts on it plus Spark's
/// <c>spark-role: driver</c>.
/// </summary>
public static class DriverServiceBuilder
{
    /// <summary>The Service name for a compute cluster application, <c>{application}-endpoints</c>.</summary>
    public static string ServiceName(string applicationName) => $"{applicationName}-endpoints";

    public static JsonObject Build(SparkApplicationDefinition application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var d = application;
        if (d.ResourceType != ManagedResourceType.Compute)
            throw ValidationException.ForField("resourceType", "only compute clusters expose driver endpoints.");
        KubernetesNames.RequireResourceName("name", d.Name);
        KubernetesNames.RequireNamespace("namespace", d.Namespace);
        var servers = d.ComputeServers ?? ComputeServers.Default;
        var ports = DriverPorts.For(servers);
        if (ports.Count == 0)
            throw ValidationException.ForField("computeServers", "a compute cluster must start at least one server.");

        var selector = ManifestLabels.Selector(ManagedResourceType.Compute, d.ResourceId);
        selector[ManifestLabels.SparkRole] = "driver";
        var labels = ManifestLabels.For(d.ResourceType, d.ResourceId, d.Domain, d.ExtraLabels);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = SparkApplicationBuilder.Metadata(ServiceName(d.Name), d.Namespace, labels, d.Owner),
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["selector"] = ManifestLabels.ToJson(selector),
                ["ports"] = new JsonArray(ports.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["port"] = p.Port,
                    ["targetPort"] = p.Name,
                    ["protocol"] = "TCP",
                }).ToArray()),
            },
        };
    }
}
