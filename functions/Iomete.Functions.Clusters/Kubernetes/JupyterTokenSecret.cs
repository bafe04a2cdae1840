using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>The core/v1 Secret that holds a Jupyter container's JupyterLab token (<see cref="JupyterDefinition.Token"/> points at it).</summary>
public static class JupyterTokenSecret
{
    public const string Key = "token";

    public static string NameFor(string deploymentName) => $"{deploymentName}-token";

    public static JsonObject Build(JupyterDefinition definition, string token)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var labels = ManifestLabels.For(ManagedResourceType.Jupyter, definition.ResourceId, definition.Domain, definition.ExtraLabels);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = SparkApplicationBuilder.Metadata(definition.Token.SecretName, definition.Namespace, labels, definition.Owner),
            ["type"] = "Opaque",
            ["stringData"] = new JsonObject { [definition.Token.SecretKey] = token },
        };
    }
}
