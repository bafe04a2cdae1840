using System.ComponentModel.DataAnnotations;

namespace Iomete.Platform.Dapr;

/// <summary>
/// Which Dapr components the adapters use (configuration section <c>Dapr</c>). The sidecar's endpoints are not here:
/// Dapr.Client reads them from the environment the sidecar injector sets (<c>DAPR_GRPC_ENDPOINT</c>/<c>DAPR_GRPC_PORT</c>,
/// <c>DAPR_HTTP_ENDPOINT</c>/<c>DAPR_HTTP_PORT</c>, <c>DAPR_API_TOKEN</c>).
/// </summary>
public sealed class DaprOptions
{
    public const string Section = "Dapr";

    /// <summary>The pub/sub component every platform topic is published on (the chart's <c>components/</c> name).</summary>
    [Required(AllowEmptyStrings = false)]
    public string PubSubName { get; set; } = "pubsub";

    /// <summary>The state store component behind <see cref="Messaging.IStateStore"/>; it must support ETags.</summary>
    [Required(AllowEmptyStrings = false)]
    public string StateStoreName { get; set; } = "statestore";
}
