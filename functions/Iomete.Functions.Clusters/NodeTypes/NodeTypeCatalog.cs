using System.Net;
using System.Text.Json;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.NodeTypes;

/// <summary>
/// Node types as the core service keeps them, read through service invocation as the platform itself (a service never
/// reads another's database). Clusters, jobs and Jupyter containers name a node type; this resolves the name to its
/// CPU and memory and checks it may run the role asked for.
/// </summary>
public sealed class NodeTypeCatalog(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls)
{
    /// <summary>The app id of the core service.</summary>
    public const string CoreAppId = "core";

    /// <summary>The node type named <paramref name="name"/>, usable as <paramref name="role"/>; an unknown or unfit one is a 400 naming <paramref name="field"/>.</summary>
    public async Task<NodeType> GetAsync(string field, string? name, SparkRole role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ValidationException($"{field} is required: the name of a node type.", Errors(field, "required"));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/admin/node-types/{Uri.EscapeDataString(name)}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; node types cannot be read"));
        using var response = await invoker.InvokeAsync(CoreAppId, request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ValidationException($"{field}: node type '{name}' does not exist.", Errors(field, $"node type '{name}' does not exist"));
        }
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var root = json.RootElement;
        var usable = root.TryGetProperty("availableFor", out var availableFor)
            && availableFor.EnumerateArray().Any(u => string.Equals(u.GetString(), role.ToString(), StringComparison.OrdinalIgnoreCase));
        if (!usable)
        {
            var what = role == SparkRole.Driver ? "drivers" : "executors";
            throw new ValidationException($"{field}: node type '{name}' is not available for {what}.", Errors(field, $"not available for {what}"));
        }
        return new NodeType(root.GetProperty("name").GetString()!, root.GetProperty("cpu").GetInt32(), root.GetProperty("memory").GetInt32());
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };
}
