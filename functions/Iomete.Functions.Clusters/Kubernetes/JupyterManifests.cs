using System.Globalization;
using System.Text.Json.Nodes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>
/// Builds the apps/v1 Deployment and core/v1 Service of a Jupyter container. The platform sets JupyterLab's
/// <c>--ip</c>, <c>--port</c>, <c>--ServerApp.base_url</c>, <c>--ServerApp.allow_origin</c> and
/// <c>--IdentityProvider.token</c> and injects <c>JUPYTER_ENABLE_LAB=true</c> and <c>RESTARTABLE=yes</c>
/// (iomete-features.md §3.5). The image is pulled on every start.
/// </summary>
public static class JupyterManifests
{
    public const int Port = 8888;
    public const string PortName = "http";
    public const string HomePath = "/home/jovyan";
    private const string TokenEnv = "JUPYTER_TOKEN";

    public static JupyterManifestSet Build(JupyterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var d = definition;
        Validate(d);
        var labels = ManifestLabels.For(ManagedResourceType.Jupyter, d.ResourceId, d.Domain, d.ExtraLabels);
        var selector = ManifestLabels.Selector(ManagedResourceType.Jupyter, d.ResourceId);
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = SparkApplicationBuilder.Metadata(d.Name, d.Namespace, labels, d.Owner),
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["strategy"] = new JsonObject { ["type"] = "Recreate" },
                ["selector"] = new JsonObject { ["matchLabels"] = ManifestLabels.ToJson(selector) },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = ManifestLabels.ToJson(labels) },
                    ["spec"] = PodSpec(d),
                },
            },
        };
        var service = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = SparkApplicationBuilder.Metadata(d.Name, d.Namespace, labels, d.Owner),
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["selector"] = ManifestLabels.ToJson(selector),
                ["ports"] = new JsonArray(new JsonObject
                {
                    ["name"] = PortName, ["port"] = Port, ["targetPort"] = PortName, ["protocol"] = "TCP",
                }),
            },
        };
        return new JupyterManifestSet(deployment, service);
    }

    private static JsonObject PodSpec(JupyterDefinition d)
    {
        var env = new Dictionary<string, string>(d.EnvVars) { ["JUPYTER_ENABLE_LAB"] = "true", ["RESTARTABLE"] = "yes" };
        var secrets = d.EnvSecrets.Append(new SecretEnvVar(TokenEnv, d.Token.SecretName, d.Token.SecretKey)).ToList();
        var quantity = new JsonObject
        {
            ["cpu"] = $"{d.NodeType.CpuMillicores.ToString(CultureInfo.InvariantCulture)}m",
            ["memory"] = $"{d.NodeType.MemoryMiB.ToString(CultureInfo.InvariantCulture)}Mi",
        };
        string[] platformArgs =
        [
            "start-notebook.py", "--ip=0.0.0.0", $"--port={Port.ToString(CultureInfo.InvariantCulture)}",
            $"--ServerApp.base_url={d.BaseUrl}", $"--ServerApp.allow_origin={d.AllowOrigin}",
            $"--IdentityProvider.token=$({TokenEnv})",
        ];
        var container = new JsonObject
        {
            ["name"] = "jupyter",
            ["image"] = d.Image,
            ["imagePullPolicy"] = "Always",
            ["args"] = SparkApplicationBuilder.Strings(platformArgs.Concat(d.Arguments)),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = PortName, ["containerPort"] = Port, ["protocol"] = "TCP" }),
            ["env"] = SparkPodSpecs.Env(env, secrets),
            ["resources"] = new JsonObject { ["requests"] = quantity, ["limits"] = quantity.DeepClone() },
            ["readinessProbe"] = new JsonObject
            {
                ["httpGet"] = new JsonObject { ["path"] = $"{d.BaseUrl}api", ["port"] = PortName },
                ["periodSeconds"] = 5,
            },
        };
        var pod = new JsonObject
        {
            ["containers"] = new JsonArray(container),
            // jovyan's group, so a fresh volume at /home/jovyan is writable.
            ["securityContext"] = new JsonObject { ["fsGroup"] = 100 },
        };
        if (d.Volume is { } volume)
        {
            container["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "home", ["mountPath"] = HomePath });
            pod["volumes"] = new JsonArray(Volume(volume));
        }
        if (d.ImagePullSecrets.Count > 0)
            pod["imagePullSecrets"] = new JsonArray(d.ImagePullSecrets.Select(s => (JsonNode)new JsonObject { ["name"] = s }).ToArray());
        if (d.ServiceAccount is { Length: > 0 } serviceAccount)
            pod["serviceAccountName"] = serviceAccount;
        if (d.NodeSelector.Count > 0)
            pod["nodeSelector"] = ManifestLabels.ToJson(d.NodeSelector);
        if (d.Tolerations.Count > 0)
            pod["tolerations"] = SparkPodSpecs.Tolerations(d.Tolerations);
        return pod;
    }

    private static JsonObject Volume(JupyterVolume volume) => volume.ClaimName is { } claim
        ? new JsonObject { ["name"] = "home", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = claim } }
        : new JsonObject { ["name"] = "home", ["nfs"] = new JsonObject { ["server"] = volume.NfsServer, ["path"] = volume.NfsPath } };

    private static void Validate(JupyterDefinition d)
    {
        KubernetesNames.RequireResourceName("name", d.Name);
        KubernetesNames.RequireNamespace("namespace", d.Namespace);
        SparkApplicationValidation.Require("image", d.Image);
        SparkApplicationValidation.Require("token.secretName", d.Token.SecretName);
        SparkApplicationValidation.Require("token.secretKey", d.Token.SecretKey);
        if (!d.BaseUrl.StartsWith('/') || !d.BaseUrl.EndsWith('/'))
            throw ValidationException.ForField("baseUrl", "must start and end with '/'.");
        if (d.NodeType.CpuMillicores <= 0 || d.NodeType.MemoryMiB <= 0)
            throw ValidationException.ForField("nodeType", $"Node type '{d.NodeType.Name}' has no CPU or memory.");
        if (d.Volume is { ClaimName: null } nfs && (string.IsNullOrWhiteSpace(nfs.NfsServer) || string.IsNullOrWhiteSpace(nfs.NfsPath)))
            throw ValidationException.ForField("volume", "needs a claim name or an NFS server and path.");
        foreach (var name in d.EnvVars.Keys.Concat(d.EnvSecrets.Select(s => s.Name)))
        {
            KubernetesNames.RequireEnvName("envVars", name);
            if (name is "JUPYTER_ENABLE_LAB" or "RESTARTABLE" or TokenEnv)
                throw ValidationException.ForField("envVars", $"'{name}' is set by the platform.");
        }
        foreach (var secret in d.EnvSecrets)
        {
            SparkApplicationValidation.Require("envSecrets.secretName", secret.SecretName);
            SparkApplicationValidation.Require("envSecrets.secretKey", secret.SecretKey);
        }
        SparkApplicationValidation.RequireDistinctEnv(d.EnvVars, d.EnvSecrets);
        SparkApplicationValidation.RequirePlacement(d.NodeSelector, d.Tolerations);
    }
}
