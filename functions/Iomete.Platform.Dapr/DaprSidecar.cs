using Microsoft.Extensions.Configuration;

namespace Iomete.Platform.Dapr;

/// <summary>
/// Where the sidecar's HTTP API is, from the variables Dapr sets for the app, read the way Dapr.Client reads them:
/// <c>DAPR_HTTP_ENDPOINT</c>, else <c>http://127.0.0.1:{DAPR_HTTP_PORT}</c> (3500 by default); <c>DAPR_API_TOKEN</c>.
/// </summary>
public sealed record DaprSidecar(Uri HttpEndpoint, string? ApiToken)
{
    public const string ApiTokenHeader = "dapr-api-token";

    public static DaprSidecar From(IConfiguration configuration)
    {
        var endpoint = configuration["DAPR_HTTP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            endpoint = $"http://127.0.0.1:{configuration["DAPR_HTTP_PORT"] ?? "3500"}";
        }
        // A trailing slash so that relative invocation paths append to it.
        return new DaprSidecar(new Uri(endpoint.TrimEnd('/') + "/"), configuration["DAPR_API_TOKEN"]);
    }
}
