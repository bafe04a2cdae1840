using System.Net;
using System.Text.Json;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Namespaces;

/// <summary>What the cluster service needs to know of a resource bundle before it places a namespace in it.</summary>
public sealed record BundleSummary(string Id, string Name, string Domain, string BundleType, bool Archived);

/// <summary>Reads bundles from the identity service by service invocation, as the platform itself (its tables are not ours).</summary>
public sealed class BundleDirectory(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    public const string IdentityAppId = "identity";

    /// <summary>The bundle, or null when it does not exist.</summary>
    public async Task<BundleSummary?> FindAsync(string bundleId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/bundles/{Uri.EscapeDataString(bundleId)}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; bundles cannot be read"));
        using var response = await invoker.InvokeAsync(IdentityAppId, request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var root = json.RootElement;
        return new BundleSummary(
            root.GetProperty("id").GetString()!,
            root.GetProperty("name").GetString()!,
            root.GetProperty("domain").GetString()!,
            root.GetProperty("bundleType").GetString()!,
            root.TryGetProperty("archived", out var archived) && archived.GetBoolean());
    }
}
