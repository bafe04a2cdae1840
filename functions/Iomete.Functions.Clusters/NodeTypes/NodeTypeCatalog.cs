using System.Collections.Concurrent;
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
/// CPU and memory and checks it may run the role asked for. Answers are kept for <see cref="CacheLifetime"/>: every run
/// submission names two node types, and an admin's change reaching new submissions half a minute later is fine.
/// </summary>
public sealed class NodeTypeCatalog(IServiceInvoker invoker, IOptions<InternalCallOptions> internalCalls, TimeProvider clock)
{
    /// <summary>The app id of the core service.</summary>
    public const string CoreAppId = "core";

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (Entry? Entry, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);

    /// <summary>The node type named <paramref name="name"/>, usable as <paramref name="role"/>; an unknown or unfit one is a 400 naming <paramref name="field"/>.</summary>
    public async Task<NodeType> GetAsync(string field, string? name, SparkRole role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ValidationException($"{field} is required: the name of a node type.", Errors(field, "required"));
        }
        var now = clock.GetUtcNow();
        if (!cache.TryGetValue(name, out var cached) || cached.Expires <= now)
        {
            cached = (await ReadAsync(name, ct), now + CacheLifetime);
            cache[name] = cached;
        }
        var entry = cached.Entry
            ?? throw new ValidationException($"{field}: node type '{name}' does not exist.", Errors(field, $"node type '{name}' does not exist"));
        if (!entry.AvailableFor.Contains(role))
        {
            var what = role == SparkRole.Driver ? "drivers" : "executors";
            throw new ValidationException($"{field}: node type '{name}' is not available for {what}.", Errors(field, $"not available for {what}"));
        }
        return entry.NodeType;
    }

    private async Task<Entry?> ReadAsync(string name, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/v1/admin/node-types/{Uri.EscapeDataString(name)}", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; node types cannot be read"));
        using var response = await invoker.InvokeAsync(CoreAppId, request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        var root = json.RootElement;
        var roles = new HashSet<SparkRole>();
        if (root.TryGetProperty("availableFor", out var availableFor))
        {
            foreach (var usage in availableFor.EnumerateArray())
            {
                if (Enum.TryParse<SparkRole>(usage.GetString(), ignoreCase: true, out var parsed))
                {
                    roles.Add(parsed);
                }
            }
        }
        return new Entry(new NodeType(root.GetProperty("name").GetString()!, root.GetProperty("cpu").GetInt32(), root.GetProperty("memory").GetInt32()), roles);
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    private sealed record Entry(NodeType NodeType, IReadOnlySet<SparkRole> AvailableFor);
}
