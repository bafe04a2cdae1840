using Iomete.Deploy.Planning;

namespace Iomete.Deploy.Emit;

/// <summary>The Deployments and Services: one per service of functions, one per worker.</summary>
internal static class WorkloadObjects
{
    /// <summary>The Secret the Dapr sidecar reads to send <c>dapr-api-token</c> to the app (the chart creates it).</summary>
    public const string AppTokenSecret = "iomete-app-api-token";

    public const int ServicePort = 80;

    public static YamlMap Deployment(string name, string image, int port, IReadOnlyList<string> functionNames, bool probesServed)
    {
        var appId = DaprAppId.Of(name);
        var env = new List<object?>
        {
            Env("ASPNETCORE_URLS", $"http://+:{port}"),
            Env("IOMETE_SERVICE", name),
        };
        // The Functions host loads only the listed functions: this is what makes one image several services.
        env.AddRange(functionNames.Select((f, i) => Env($"AzureFunctionsJobHost__functions__{i}", f)));
        var container = new YamlMap
        {
            ["name"] = name,
            ["image"] = $"{{{{ .Values.image.registry }}}}/{image}:{{{{ .Values.image.tag }}}}",
            ["imagePullPolicy"] = "{{ .Values.image.pullPolicy }}",
            ["ports"] = new List<object?> { new YamlMap { ["name"] = "http", ["containerPort"] = port, ["protocol"] = "TCP" } },
            ["env"] = env,
            ["resources"] = new RawTemplate($"{{{{- .Values.resources.{DaprAppId.ValuesKey(name)} | toYaml | nindent {{indent}} }}}}"),
            ["securityContext"] = new YamlMap
            {
                ["runAsNonRoot"] = true,
                ["readOnlyRootFilesystem"] = true,
                ["allowPrivilegeEscalation"] = false,
                ["capabilities"] = new YamlMap { ["drop"] = new List<object?> { "ALL" } },
            },
            ["volumeMounts"] = new List<object?> { new YamlMap { ["name"] = "tmp", ["mountPath"] = "/tmp" } },
        };
        if (probesServed)
        {
            container["livenessProbe"] = Probe("/healthz", 10);
            container["readinessProbe"] = Probe("/readyz", 5);
        }
        return new YamlMap
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new YamlMap { ["name"] = appId, ["labels"] = Labels(name) },
            ["spec"] = new YamlMap
            {
                // No replicas: KEDA owns the count.
                ["selector"] = new YamlMap { ["matchLabels"] = Selector(name) },
                ["template"] = new YamlMap
                {
                    ["metadata"] = new YamlMap
                    {
                        ["labels"] = Labels(name),
                        ["annotations"] = new YamlMap
                        {
                            ["dapr.io/enabled"] = "{{ .Values.dapr.enabled }}",
                            ["dapr.io/app-id"] = appId,
                            ["dapr.io/app-port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ["dapr.io/app-protocol"] = "http",
                            ["dapr.io/app-token-secret"] = AppTokenSecret,
                            ["dapr.io/enable-api-logging"] = "false",
                        },
                    },
                    ["spec"] = new YamlMap
                    {
                        ["automountServiceAccountToken"] = false,
                        ["securityContext"] = new YamlMap
                        {
                            ["runAsNonRoot"] = true,
                            ["seccompProfile"] = new YamlMap { ["type"] = "RuntimeDefault" },
                        },
                        ["containers"] = new List<object?> { container },
                        ["volumes"] = new List<object?> { new YamlMap { ["name"] = "tmp", ["emptyDir"] = new YamlMap() } },
                    },
                },
            },
        };
    }

    public static YamlMap Service(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new YamlMap { ["name"] = DaprAppId.Of(name), ["labels"] = Labels(name) },
        ["spec"] = new YamlMap
        {
            ["type"] = "ClusterIP",
            ["selector"] = Selector(name),
            ["ports"] = new List<object?>
            {
                new YamlMap { ["name"] = "http", ["port"] = ServicePort, ["targetPort"] = "http", ["protocol"] = "TCP" },
            },
        },
    };

    public static YamlMap Labels(string name) => new()
    {
        ["app.kubernetes.io/name"] = DaprAppId.Of(name),
        ["app.kubernetes.io/instance"] = "{{ .Release.Name }}",
        ["app.kubernetes.io/component"] = name,
        ["app.kubernetes.io/part-of"] = "iomete",
    };

    private static YamlMap Selector(string name) => new()
    {
        ["app.kubernetes.io/name"] = DaprAppId.Of(name),
        ["app.kubernetes.io/instance"] = "{{ .Release.Name }}",
    };

    private static YamlMap Env(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static YamlMap Probe(string path, int period) => new()
    {
        ["httpGet"] = new YamlMap { ["path"] = path, ["port"] = "http" },
        ["periodSeconds"] = period,
        ["timeoutSeconds"] = 3,
    };
}
