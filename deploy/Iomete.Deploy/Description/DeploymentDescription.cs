using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Iomete.Deploy.Description;

/// <summary><c>deploy/services.yaml</c>: which functions form which Deployment, and how each scales.</summary>
internal sealed class DeploymentDescription
{
    public string Image { get; set; } = "";
    public int Port { get; set; } = 8080;
    public List<string> EveryService { get; set; } = [];
    public GatewayDescription Gateway { get; set; } = new();
    public List<ServiceDescription> Services { get; set; } = [];
    public List<WorkerDescription> Workers { get; set; } = [];

    /// <summary>Reads the file strictly: an unknown key is an error, not a silently ignored setting.</summary>
    public static DeploymentDescription Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        using var reader = new StreamReader(path);
        var description = deserializer.Deserialize<DeploymentDescription>(reader)
            ?? throw new InvalidDataException($"{path} is empty.");
        return description;
    }
}

internal sealed class GatewayDescription
{
    public List<string> InternalPrefixes { get; set; } = [];
    public BackendDescription DefaultBackend { get; set; } = new();
    public List<GrpcRouteDescription> Grpc { get; set; } = [];
}

internal sealed class BackendDescription
{
    public string Service { get; set; } = "";
    public int Port { get; set; }
}

internal sealed class GrpcRouteDescription
{
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public int Port { get; set; }
}

internal sealed class ServiceDescription
{
    public string Name { get; set; } = "";
    public List<string> Functions { get; set; } = [];

    /// <summary>The <c>features.*</c> value that turns the service on; null when always on.</summary>
    public string? Feature { get; set; }

    /// <summary>Long-lived responses (server-sent events, WebSocket): the gateway streams them unbuffered.</summary>
    public bool Streaming { get; set; }

    /// <summary>Settings this service sets differently from the chart's settings ConfigMap (container env wins over envFrom).</summary>
    public Dictionary<string, string> Env { get; set; } = [];

    public ScalingDescription Scaling { get; set; } = new();
}

internal sealed class WorkerDescription
{
    public string Name { get; set; } = "";
    public string Image { get; set; } = "";
    public string? Feature { get; set; }
    public ScalingDescription Scaling { get; set; } = new();
}

internal sealed class ScalingDescription
{
    public HttpScalingDescription? Http { get; set; }
    public int MinReplicas { get; set; }
    public int MaxReplicas { get; set; } = 1;
    public List<TriggerDescription> Triggers { get; set; } = [];
}

internal sealed class HttpScalingDescription
{
    public int MinReplicas { get; set; }
    public int MaxReplicas { get; set; } = 1;
    public bool ScaleToZero { get; set; }
    public int TargetPendingRequests { get; set; } = 100;

    /// <summary>Seconds without traffic before scaling down (to zero when allowed).</summary>
    public int? ScaledownPeriod { get; set; }
}

internal sealed class TriggerDescription
{
    public string Type { get; set; } = "";

    /// <summary>For <c>postgresql</c>: the service database the query runs in.</summary>
    public string? Database { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];
}
