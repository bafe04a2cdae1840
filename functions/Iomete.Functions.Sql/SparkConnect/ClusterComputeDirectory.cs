using System.Net;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>
/// The cluster service's SQL-endpoint lookup, <c>GET /api/v1/internal/clusters/domains/{domain}/compute/{cluster}/sql-endpoint</c>,
/// called through service invocation with the end user's own credentials, so the cluster service decides CONSUME.
/// </summary>
internal sealed class ClusterComputeDirectory(IServiceInvoker invoker) : IComputeDirectory
{
    /// <summary>The app id of the cluster service.</summary>
    public const string ClustersAppId = "clusters";

    public async Task<ComputeEndpoint> ResolveAsync(string domain, string cluster, IReadOnlyDictionary<string, string> credentials, CancellationToken ct)
    {
        var path = $"api/v1/internal/clusters/domains/{Uri.EscapeDataString(domain)}/compute/{Uri.EscapeDataString(cluster)}/sql-endpoint";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in credentials)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        HttpResponseMessage response;
        try
        {
            response = await invoker.InvokeAsync(ClustersAppId, request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable($"The cluster service could not be reached: {ex.Message}");
        }
        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    break;
                case HttpStatusCode.NotFound:
                    throw new NotFoundException("Compute cluster", cluster);
                case HttpStatusCode.Forbidden:
                    throw new ForbiddenException(await DetailAsync(response, ct)
                        ?? $"You need the CONSUME permission on compute cluster '{cluster}' to run queries on it.");
                case HttpStatusCode.Unauthorized:
                    throw new UnauthorizedException();
                default:
                    throw Unavailable($"The cluster service answered {(int)response.StatusCode} for compute cluster '{cluster}'.");
            }
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var endpoint = await JsonSerializer.DeserializeAsync<ComputeEndpoint>(body, Json.Options, ct);
            return endpoint is { Kind.Length: > 0, Status.Length: > 0 }
                ? endpoint
                : throw Unavailable($"The cluster service answered an incomplete endpoint for compute cluster '{cluster}'.");
        }
    }

    private static ApiException Unavailable(string detail) => new(502, ErrorCodes.BadGateway, "Bad gateway", detail);

    private static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return json.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
