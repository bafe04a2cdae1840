using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>The driver and executor parts (SparkPodSpec) of a SparkApplication.</summary>
internal static class SparkPodSpecs
{
    public static JsonObject Driver(
        SparkApplicationDefinition d, SparkPodResources resources, IReadOnlyDictionary<string, string> labels, ComputeServers? servers)
    {
        var pod = Common(d, resources, labels);
        if (servers is not null && DriverPorts.For(servers) is { Count: > 0 } ports)
        {
            pod["ports"] = new JsonArray(ports.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["containerPort"] = p.Port,
                ["protocol"] = "TCP",
            }).ToArray());
        }
        return pod;
    }

    public static JsonObject Executor(
        SparkApplicationDefinition d, SparkPodResources resources, IReadOnlyDictionary<string, string> labels, int? instances)
    {
        var pod = Common(d, resources, labels);
        // The CRD's minimum is 1; single-node sets spark.executor.instances=0 in sparkConf instead.
        if (instances is { } count)
            pod["instances"] = count;
        if (d.ExecutorVolume is { Kind: not ExecutorVolumeKind.OnDemandPvc } volume)
            pod["volumeMounts"] = new JsonArray(ExecutorVolumes.Mount(volume));
        return pod;
    }

    private static JsonObject Common(SparkApplicationDefinition d, SparkPodResources r, IReadOnlyDictionary<string, string> labels)
    {
        var pod = new JsonObject
        {
            ["cores"] = r.Cores,
            ["coreRequest"] = r.CoreRequest,
            ["coreLimit"] = r.CoreRequest,
            ["memory"] = r.Memory,
            ["memoryOverhead"] = r.MemoryOverhead,
            ["labels"] = ManifestLabels.ToJson(labels),
        };
        if (Env(d.EnvVars, d.EnvSecrets) is { Count: > 0 } env)
            pod["env"] = env;
        if (d.JavaOptions is { Length: > 0 } javaOptions)
            pod["javaOptions"] = javaOptions;
        if (d.ServiceAccount is { Length: > 0 } serviceAccount)
            pod["serviceAccount"] = serviceAccount;
        if (d.PriorityClassName is { Length: > 0 } priorityClass)
            pod["priorityClassName"] = priorityClass;
        if (d.NodeSelector.Count > 0)
            pod["nodeSelector"] = ManifestLabels.ToJson(d.NodeSelector);
        if (d.Tolerations.Count > 0)
            pod["tolerations"] = Tolerations(d.Tolerations);
        return pod;
    }

    /// <summary>Container env entries: plain values (sorted by name) then secret references (in the given order).</summary>
    internal static JsonArray Env(IReadOnlyDictionary<string, string> vars, IReadOnlyList<SecretEnvVar> secrets)
    {
        var env = new JsonArray();
        foreach (var (name, value) in vars.OrderBy(p => p.Key, StringComparer.Ordinal))
            env.Add(new JsonObject { ["name"] = name, ["value"] = value });
        foreach (var secret in secrets)
        {
            env.Add(new JsonObject
            {
                ["name"] = secret.Name,
                ["valueFrom"] = new JsonObject
                {
                    ["secretKeyRef"] = new JsonObject { ["name"] = secret.SecretName, ["key"] = secret.SecretKey },
                },
            });
        }
        return env;
    }

    internal static JsonArray Tolerations(IReadOnlyList<KubernetesToleration> tolerations) =>
        new(tolerations.Select(t =>
        {
            var json = new JsonObject { ["operator"] = t.Operator };
            if (t.Key is not null)
                json["key"] = t.Key;
            if (t.Value is not null)
                json["value"] = t.Value;
            if (t.Effect is not null)
                json["effect"] = t.Effect;
            if (t.TolerationSeconds is { } seconds)
                json["tolerationSeconds"] = seconds;
            return (JsonNode)json;
        }).ToArray());
}
