using Iomete.Console.Api;

namespace Iomete.Console.Pages.Compute;

/// <summary>An option of a picker: the value sent and the text shown.</summary>
public sealed record LookupItem(string Value, string Text);

/// <summary>The pickers' lists of create forms (compute, jobs): resource bundles, namespaces and node types of a domain.</summary>
public static class ComputeLookups
{
    public static async Task<IReadOnlyList<LookupItem>> BundlesAsync(ApiClient api, string domain, CancellationToken ct = default)
    {
        var page = await api.GetJsonAsync($"/api/v1/bundles?domain={Uri.EscapeDataString(domain)}&bundleType=RESOURCE&limit=200", ct);
        return [.. page.Items("items").Select(b => new LookupItem(b.Str("id") ?? "", b.Str("name") ?? b.Str("id") ?? ""))];
    }

    public static async Task<IReadOnlyList<LookupItem>> NamespacesAsync(ApiClient api, string domain, CancellationToken ct = default)
    {
        var list = await api.GetJsonAsync($"/api/v1/domains/{Uri.EscapeDataString(domain)}/namespaces", ct);
        return [.. list.Items().OrderByDescending(n => n.Bool("isDefault")).Select(n => new LookupItem(n.Str("name") ?? "", n.Str("name") + (n.Bool("isDefault") ? " (default)" : "")))];
    }

    /// <summary>Node types usable as <paramref name="usage"/> (DRIVER or EXECUTOR), with their CPU and memory.</summary>
    public static async Task<IReadOnlyList<LookupItem>> NodeTypesAsync(ApiClient api, string domain, string usage, CancellationToken ct = default)
    {
        var page = await api.GetJsonAsync($"/api/v1/domains/{Uri.EscapeDataString(domain)}/node-types?availableFor={usage}&limit=200", ct);
        return [.. page.Items("items").Select(n => new LookupItem(n.Str("name") ?? "",
            $"{n.Str("name")} ({(n.Long("cpu") ?? 0) / 1000.0:0.##} vCPU, {(n.Long("memory") ?? 0) / 1024.0:0.#} GiB)"))];
    }
}
