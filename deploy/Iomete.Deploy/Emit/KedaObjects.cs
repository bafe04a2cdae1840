using Iomete.Deploy.Description;

namespace Iomete.Deploy.Emit;

/// <summary>KEDA objects: HTTPScaledObjects (HTTP add-on) for HTTP services, ScaledObjects for trigger-scaled ones.</summary>
internal static class KedaObjects
{
    /// <summary>The TriggerAuthentication that gives the <c>postgresql</c> scaler the password of the chart's PostgreSQL secret.</summary>
    public static readonly string PostgresAuthentication = ChartNames.Of("postgresql");

    public static YamlMap HttpScaledObject(string name, HttpScalingDescription http)
    {
        var spec = new YamlMap
        {
            // The gateway sends requests for this service to the interceptor with this Host header.
            ["hosts"] = new List<object?> { ChartNames.Of(name) },
            ["scaleTargetRef"] = new YamlMap
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["name"] = ChartNames.Of(name),
                ["service"] = ChartNames.Of(name),
                ["port"] = WorkloadObjects.ServicePort,
            },
            ["replicas"] = new YamlMap { ["min"] = http.ScaleToZero ? 0 : http.MinReplicas, ["max"] = http.MaxReplicas },
            ["scalingMetric"] = new YamlMap { ["concurrency"] = new YamlMap { ["targetValue"] = http.TargetPendingRequests } },
        };
        if (http.ScaledownPeriod is { } period)
        {
            spec["scaledownPeriod"] = period;
        }
        return new YamlMap
        {
            ["apiVersion"] = "http.keda.sh/v1alpha1",
            ["kind"] = "HTTPScaledObject",
            ["metadata"] = ChartNames.Metadata(ChartNames.Of(name), WorkloadObjects.Labels(name)),
            ["spec"] = spec,
        };
    }

    public static YamlMap ScaledObject(string name, ScalingDescription scaling) => new()
    {
        ["apiVersion"] = "keda.sh/v1alpha1",
        ["kind"] = "ScaledObject",
        ["metadata"] = ChartNames.Metadata(ChartNames.Of(name), WorkloadObjects.Labels(name)),
        ["spec"] = new YamlMap
        {
            ["scaleTargetRef"] = new YamlMap { ["name"] = ChartNames.Of(name) },
            ["minReplicaCount"] = scaling.MinReplicas,
            ["maxReplicaCount"] = scaling.MaxReplicas,
            ["triggers"] = scaling.Triggers.Select(Trigger).ToList<object?>(),
        },
    };

    public static YamlMap PostgresTriggerAuthentication() => new()
    {
        ["apiVersion"] = "keda.sh/v1alpha1",
        ["kind"] = "TriggerAuthentication",
        ["metadata"] = ChartNames.Metadata(PostgresAuthentication),
        ["spec"] = new YamlMap
        {
            ["secretTargetRef"] = new List<object?>
            {
                new YamlMap { ["parameter"] = "password", ["name"] = "{{ .Values.postgresql.existingSecret }}", ["key"] = "password" },
            },
        },
    };

    private static YamlMap Trigger(TriggerDescription trigger)
    {
        var metadata = new YamlMap();
        if (trigger.Type == "postgresql")
        {
            metadata["host"] = "{{ .Values.postgresql.host }}";
            metadata["port"] = "{{ .Values.postgresql.port }}";
            metadata["userName"] = "{{ .Values.postgresql.username }}";
            metadata["sslmode"] = "{{ .Values.postgresql.sslMode }}";
            metadata["dbName"] = trigger.Database ?? throw new InvalidDataException("A postgresql trigger needs `database`.");
        }
        foreach (var (key, value) in trigger.Metadata)
        {
            metadata[key] = value;
        }
        var result = new YamlMap { ["type"] = trigger.Type, ["metadata"] = metadata };
        if (trigger.Type == "postgresql")
        {
            result["authenticationRef"] = new YamlMap { ["name"] = PostgresAuthentication };
        }
        return result;
    }
}
