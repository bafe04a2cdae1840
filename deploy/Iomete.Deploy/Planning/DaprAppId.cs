namespace Iomete.Deploy.Planning;

/// <summary>Names shared by the Deployment, its Service, its KEDA objects and its Dapr sidecar.</summary>
internal static class DaprAppId
{
    public static string Of(string service) => $"iomete-{service}";

    /// <summary>The <c>values.yaml</c> key of a service (Go templates cannot read dashed keys): <c>event-streams</c> → <c>eventStreams</c>.</summary>
    public static string ValuesKey(string service)
    {
        var parts = service.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
