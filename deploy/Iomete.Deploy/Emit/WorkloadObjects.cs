using Iomete.Deploy.Planning;

namespace Iomete.Deploy.Emit;

/// <summary>The Deployments and Services: one per service of functions, one per worker.</summary>
internal static class WorkloadObjects
{
    public const int ServicePort = 80;

    /// <summary>The writable folder of <c>Iomete__DataDir</c> (settings ConfigMap); the root filesystem is read-only.</summary>
    public const string DataDir = "/var/lib/iomete";

    /// <summary>The chart's user and group for the platform's pods (the hand-written templates use the same).</summary>
    public const int RunAs = 1000;

    public static YamlMap Deployment(string name, string image, int port, IReadOnlyList<string> functionNames, IReadOnlyDictionary<string, string> settings)
    {
        var appId = DaprAppId.Of(name);
        var env = new List<object?>
        {
            Env("ASPNETCORE_URLS", $"http://+:{port}"),
            Env("IOMETE_SERVICE", name),
            new YamlMap
            {
                ["name"] = "IOMETE_POSTGRES_PASSWORD",
                ["valueFrom"] = new YamlMap
                {
                    ["secretKeyRef"] = new YamlMap { ["name"] = "{{ .Values.postgresql.existingSecret }}", ["key"] = "password" },
                },
            },
            // Expanded by the kubelet from the settings ConfigMap's connection string and the password above.
            Env("Iomete__MetadataDb__ConnectionString", "$(IOMETE_POSTGRES_CONNECTION);Password=$(IOMETE_POSTGRES_PASSWORD)"),
        };
        env.AddRange(settings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Env(p.Key, p.Value)));
        // The Functions host loads only the listed functions: this is what makes one image several services.
        env.AddRange(functionNames.Select((f, i) => Env($"AzureFunctionsJobHost__functions__{i}", f)));
        var container = new YamlMap
        {
            ["name"] = name,
            ["image"] = $"{{{{ .Values.image.registry }}}}/{image}:{{{{ .Values.image.tag }}}}",
            ["imagePullPolicy"] = "{{ .Values.image.pullPolicy }}",
            ["ports"] = new List<object?> { new YamlMap { ["name"] = "http", ["containerPort"] = port, ["protocol"] = "TCP" } },
            ["envFrom"] = new List<object?>
            {
                new YamlMap { ["configMapRef"] = new YamlMap { ["name"] = ChartNames.Settings } },
                new YamlMap { ["secretRef"] = new YamlMap { ["name"] = ChartNames.Settings } },
            },
            ["env"] = RawTemplate.Block(YamlText.Document(env) + StorageCredentials),
            ["resources"] = new RawTemplate($"{{{{- .Values.resources.{DaprAppId.ValuesKey(name)} | toYaml | nindent {{indent}} }}}}"),
            ["securityContext"] = new YamlMap
            {
                ["runAsNonRoot"] = true,
                ["readOnlyRootFilesystem"] = true,
                ["allowPrivilegeEscalation"] = false,
                ["capabilities"] = new YamlMap { ["drop"] = new List<object?> { "ALL" } },
            },
            ["volumeMounts"] = RawTemplate.Block(VolumeMounts),
            ["livenessProbe"] = Probe("/healthz", 10),
            ["readinessProbe"] = Probe("/readyz", 5),
        };
        return new YamlMap
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = ChartNames.Metadata(ChartNames.Of(name), Labels(name)),
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
                            // The sidecar sends the Secret's "token" key to the app as dapr-api-token.
                            ["dapr.io/app-token-secret"] = ChartNames.Settings,
                            ["dapr.io/enable-api-logging"] = "false",
                        },
                    },
                    ["spec"] = new YamlMap
                    {
                        // The chart's account: the clusters service and the worker create objects in the data-plane namespaces.
                        ["serviceAccountName"] = ChartNames.ServiceAccount,
                        ["securityContext"] = new YamlMap
                        {
                            ["runAsNonRoot"] = true,
                            ["runAsUser"] = RunAs,
                            ["runAsGroup"] = RunAs,
                            ["fsGroup"] = RunAs,
                            ["seccompProfile"] = new YamlMap { ["type"] = "RuntimeDefault" },
                        },
                        ["containers"] = new List<object?> { container },
                        ["volumes"] = RawTemplate.Block(Volumes),
                    },
                },
            },
        };
    }

    // Static S3 keys only when storage.existingSecret is set; otherwise the SDK's default chain (IRSA, instance profile).
    private const string StorageCredentials = """
        {{- if .Values.storage.existingSecret }}
        - name: Iomete__Storage__S3__AccessKey
          valueFrom:
            secretKeyRef:
              name: {{ .Values.storage.existingSecret }}
              key: access-key
        - name: Iomete__Storage__S3__SecretKey
          valueFrom:
            secretKeyRef:
              name: {{ .Values.storage.existingSecret }}
              key: secret-key
        {{- end }}
        """;

    private const string VolumeMounts = $$$"""
        - name: tmp
          mountPath: /tmp
        - name: data
          mountPath: {{{DataDir}}}
        {{- if .Values.platformSecrets.keysSecret }}
        - name: keys
          mountPath: /etc/iomete/keys
          readOnly: true
        {{- end }}
        """;

    private const string Volumes = """
        - name: tmp
          emptyDir: {}
        - name: data
          emptyDir: {}
        {{- if .Values.platformSecrets.keysSecret }}
        - name: keys
          secret:
            secretName: {{ .Values.platformSecrets.keysSecret }}
            # 0400: only the owner reads the keys.
            defaultMode: 256
        {{- end }}
        """;

    public static YamlMap Service(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = ChartNames.Metadata(ChartNames.Of(name), Labels(name)),
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
