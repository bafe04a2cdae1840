using System.Globalization;
using System.Text.Json.Nodes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>
/// Builds a <c>sparkoperator.k8s.io/v1beta2</c> SparkApplication (spark-operator v2.5.2 CRD, camelCase fields) from a
/// <see cref="SparkApplicationDefinition"/>. Pure: no I/O; an invalid definition throws a <see cref="ValidationException"/>.
/// </summary>
public static class SparkApplicationBuilder
{
    public const string ApiVersion = "sparkoperator.k8s.io/v1beta2";
    public const string Kind = "SparkApplication";
    public const string Group = "sparkoperator.k8s.io";
    public const string Version = "v1beta2";
    public const string Plural = "sparkapplications";

    public static JsonObject Build(SparkApplicationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var d = definition;
        Validate(d);
        var labels = ManifestLabels.For(d.ResourceType, d.ResourceId, d.Domain, d.ExtraLabels);
        var servers = d.ResourceType == ManagedResourceType.Compute ? d.ComputeServers ?? ComputeServers.Default : null;

        var driver = SparkResources.Derive(d.DriverNodeType, SparkRole.Driver, d.Type, d.SparkConf);
        var executor = SparkResources.Derive(
            d.Deployment.SingleNode ? d.ExecutorNodeType ?? d.DriverNodeType : d.ExecutorNodeType!,
            SparkRole.Executor, d.Type, d.SparkConf);

        var spec = new JsonObject
        {
            ["type"] = d.Type.ToString(),
            ["mode"] = "cluster",
            ["image"] = d.Image,
            ["imagePullPolicy"] = d.ImagePullPolicy.ToString(),
            ["mainApplicationFile"] = d.MainApplicationFile,
            ["sparkVersion"] = d.SparkVersion,
        };
        if (d.ImagePullSecrets.Count > 0)
            spec["imagePullSecrets"] = Strings(d.ImagePullSecrets);
        if (d.MainClass is { Length: > 0 } mainClass)
            spec["mainClass"] = mainClass;
        if (d.Type == SparkApplicationType.Python)
            spec["pythonVersion"] = "3";
        if (d.Arguments.Count > 0)
            spec["arguments"] = Strings(d.Arguments);
        spec["sparkConf"] = ManifestLabels.ToJson(SparkConf(d, driver, executor, servers));
        if (d.HadoopConf.Count > 0)
            spec["hadoopConf"] = ManifestLabels.ToJson(d.HadoopConf);
        if (d.Deps is { } deps && Deps(deps) is { Count: > 0 } depsJson)
            spec["deps"] = depsJson;
        if (d.ExecutorVolume is { } volume && ExecutorVolumes.Volume(volume) is { } volumeJson)
            spec["volumes"] = new JsonArray(volumeJson);

        spec["driver"] = SparkPodSpecs.Driver(d, driver, labels, servers);
        spec["executor"] = SparkPodSpecs.Executor(d, executor, labels, Instances(d.Deployment));
        if (!d.Deployment.SingleNode)
            spec["dynamicAllocation"] = DynamicAllocation(d.Deployment);
        spec["restartPolicy"] = RestartPolicy(d.RestartPolicy);
        if (d.TimeToLiveSeconds is { } ttl)
            spec["timeToLiveSeconds"] = ttl;

        return new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = Kind,
            ["metadata"] = Metadata(d.Name, d.Namespace, labels, d.Owner),
            ["spec"] = spec,
        };
    }

    internal static JsonObject Metadata(
        string name, string ns, IEnumerable<KeyValuePair<string, string>> labels, KubernetesOwnerReference? owner)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = ManifestLabels.ToJson(labels) };
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = owner.ApiVersion,
                ["kind"] = owner.Kind,
                ["name"] = owner.Name,
                ["uid"] = owner.Uid,
                ["controller"] = owner.Controller,
                ["blockOwnerDeletion"] = true,
            });
        }
        return metadata;
    }

    internal static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static SortedDictionary<string, string> SparkConf(
        SparkApplicationDefinition d, SparkPodResources driver, SparkPodResources executor, ComputeServers? servers)
    {
        var conf = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in d.SparkConf)
            conf[key] = value;
        foreach (var (key, value) in SparkResources.ToSparkConf(driver, SparkRole.Driver)
                     .Concat(SparkResources.ToSparkConf(executor, SparkRole.Executor)))
            conf[key] = value;
        if (d.ExecutorVolume is { } volume)
            foreach (var (key, value) in ExecutorVolumes.SparkConf(volume))
                conf[key] = value;
        if (d.Deployment.SingleNode)
        {
            // SPARK-42190 (Spark 3.4+): the driver runs tasks itself in local mode and never asks for executor pods.
            conf["spark.kubernetes.driver.master"] = $"local[{driver.Cores.ToString(CultureInfo.InvariantCulture)}]";
            conf["spark.dynamicAllocation.enabled"] = "false";
            conf["spark.executor.instances"] = "0";
        }
        if (d.EventLog is { } eventLog)
        {
            var appId = SparkAppIds.For(d.ResourceType, d.ResourceId, eventLog.StartedAt);
            conf["spark.eventLog.enabled"] = "true";
            conf["spark.eventLog.dir"] = eventLog.Directory;
            conf["spark.app.id"] = appId;
            // The driver UI is reached through the control plane's /spark-ui proxy: its links must carry that prefix.
            conf["spark.ui.proxyBase"] = SparkUiPaths.DriverUiBase(appId);
        }
        if (servers is not null)
        {
            conf["spark.iomete.server.startHiveThriftServer"] = Bool(servers.HiveThrift);
            conf["spark.iomete.server.startSparkConnectServer"] = Bool(servers.SparkConnect);
            conf["spark.iomete.server.startArrowFlightServer"] = Bool(servers.ArrowFlight);
        }
        return conf;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static int? Instances(SparkDeployment deployment) =>
        deployment.SingleNode ? null
        : deployment.MinExecutors == deployment.MaxExecutors ? deployment.MaxExecutors
        : InitialExecutors(deployment);

    // IOMETE's autoscaling starts with one executor (or the minimum, if higher) and grows to the maximum.
    private static int InitialExecutors(SparkDeployment deployment) =>
        Math.Max(deployment.MinExecutors, Math.Min(1, deployment.MaxExecutors));

    private static JsonObject DynamicAllocation(SparkDeployment deployment) => new()
    {
        ["enabled"] = deployment.MinExecutors != deployment.MaxExecutors,
        ["initialExecutors"] = InitialExecutors(deployment),
        ["minExecutors"] = deployment.MinExecutors,
        ["maxExecutors"] = deployment.MaxExecutors,
        ["shuffleTrackingEnabled"] = true,
    };

    private static JsonObject RestartPolicy(SparkRestartPolicy policy)
    {
        var json = new JsonObject { ["type"] = policy.Type.ToString() };
        if (policy.Type == SparkRestartType.Never)
            return json;
        if (policy.Type == SparkRestartType.OnFailure)
        {
            json["onFailureRetries"] = policy.OnFailureRetries;
            json["onSubmissionFailureRetries"] = policy.OnSubmissionFailureRetries;
        }
        json["onFailureRetryInterval"] = policy.OnFailureRetryIntervalSeconds;
        json["onSubmissionFailureRetryInterval"] = policy.OnSubmissionFailureRetryIntervalSeconds;
        return json;
    }

    private static JsonObject Deps(SparkDependencies deps)
    {
        var json = new JsonObject();
        void Add(string key, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
                json[key] = Strings(values);
        }
        Add("jars", deps.Jars);
        Add("files", deps.Files);
        Add("pyFiles", deps.PyFiles);
        Add("packages", deps.Packages);
        Add("excludePackages", deps.ExcludePackages);
        Add("repositories", deps.Repositories);
        return json;
    }

    private static void Validate(SparkApplicationDefinition d) => SparkApplicationValidation.Validate(d);
}
