using System.Globalization;
using Iomete.Functions.Clusters.DataPlane;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>
/// Whether a run's demand fits its namespace now. With a data plane: every ResourceQuota of the namespace (hard − used ≥ demand for
/// CPU, memory, pods; a storage quota that is used up blocks too). Without one (embedded): at most
/// <see cref="OrchestrationOptions.LocalConcurrencyPerNamespace"/> orchestrated runs active per namespace.
/// </summary>
public sealed class NamespaceCapacity(
    IServiceProvider services, IOptions<DataPlaneOptions> dataPlane, IOptions<OrchestrationOptions> options, OrchestratedRunStore runs)
{
    private static readonly string[] CpuKeys = ["requests.cpu", "cpu", "limits.cpu"];
    private static readonly string[] MemoryKeys = ["requests.memory", "memory", "limits.memory"];
    private static readonly string[] PodKeys = ["pods", "count/pods"];
    private static readonly string[] StorageKeys = ["requests.storage", "persistentvolumeclaims"];

    public async Task<CapacityView> CheckAsync(string @namespace, ResourceDemandView demand, CancellationToken ct)
    {
        if (!dataPlane.Value.Configured)
        {
            var limit = options.Value.LocalConcurrencyPerNamespace;
            var active = await runs.ActiveAsync(@namespace, ct);
            return active < limit
                ? new CapacityView(true, null, null)
                : new CapacityView(false, "PODS", $"{active} of {limit} orchestrated runs are active in namespace '{@namespace}' (embedded limit).");
        }
        var client = services.GetRequiredService<IKubernetes>();
        var quotas = await client.CoreV1.ListNamespacedResourceQuotaAsync(@namespace, cancellationToken: ct);
        foreach (var quota in quotas.Items)
        {
            var hard = quota.Status?.Hard ?? quota.Spec?.Hard;
            if (hard is null)
            {
                continue;
            }
            var used = quota.Status?.Used ?? new Dictionary<string, ResourceQuantity>();
            var name = quota.Metadata?.Name ?? "quota";
            if (Blocked(hard, used, CpuKeys, demand.CpuMillicores / 1000m) is { } cpu)
            {
                return new CapacityView(false, "CPU", $"ResourceQuota '{name}': {cpu.Key} {Describe(cpu, demand.CpuMillicores / 1000m, "")}.");
            }
            if (Blocked(hard, used, MemoryKeys, demand.MemoryMiB * 1024m * 1024m) is { } memory)
            {
                return new CapacityView(false, "MEMORY", $"ResourceQuota '{name}': {memory.Key} {Describe(memory, demand.MemoryMiB * 1024m * 1024m, " bytes")}.");
            }
            if (Blocked(hard, used, PodKeys, demand.Pods) is { } pods)
            {
                return new CapacityView(false, "PODS", $"ResourceQuota '{name}': {pods.Key} {Describe(pods, demand.Pods, "")}.");
            }
            if (Blocked(hard, used, StorageKeys, 0) is { } storage)
            {
                return new CapacityView(false, "STORAGE", $"ResourceQuota '{name}': {storage.Key} {Describe(storage, 0, "")}.");
            }
        }
        return new CapacityView(true, null, null);
    }

    private sealed record Shortage(string Key, decimal Hard, decimal Used);

    /// <summary>The first quota key of <paramref name="keys"/> whose free amount is below <paramref name="asked"/> (or used up, for storage).</summary>
    private static Shortage? Blocked(IDictionary<string, ResourceQuantity> hard, IDictionary<string, ResourceQuantity> used, string[] keys, decimal asked)
    {
        foreach (var key in keys)
        {
            if (!hard.TryGetValue(key, out var limit))
            {
                continue;
            }
            var h = limit.ToDecimal();
            var u = used.TryGetValue(key, out var inUse) ? inUse.ToDecimal() : 0m;
            if (asked > 0 ? u + asked > h : u >= h)
            {
                return new Shortage(key, h, u);
            }
        }
        return null;
    }

    private static string Describe(Shortage s, decimal asked, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"has {s.Hard - s.Used}{unit} free of {s.Hard}{unit}, the run asks {asked}{unit}");
}
