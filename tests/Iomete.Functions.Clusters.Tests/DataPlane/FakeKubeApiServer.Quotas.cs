using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>The core/v1 ResourceQuota list of the stand-in (the job orchestrator's capacity checks).</summary>
internal sealed partial class FakeKubeApiServer
{
    private readonly ConcurrentDictionary<(string Ns, string Name), JsonObject> quotas = new();

    /// <summary>A ResourceQuota with these hard limits and usage (Kubernetes quantities, e.g. <c>"4"</c>, <c>"8Gi"</c>).</summary>
    public void SetQuota(string ns, string name, IReadOnlyDictionary<string, string> hard, IReadOnlyDictionary<string, string> used)
    {
        static JsonObject Map(IReadOnlyDictionary<string, string> values)
        {
            var json = new JsonObject();
            foreach (var (key, value) in values)
                json[key] = value;
            return json;
        }
        quotas[(ns, name)] = new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "ResourceQuota",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["hard"] = Map(hard) },
            ["status"] = new JsonObject { ["hard"] = Map(hard), ["used"] = Map(used) },
        };
    }

    public void RemoveQuotas(string ns)
    {
        foreach (var key in quotas.Keys.Where(k => k.Ns == ns))
            quotas.TryRemove(key, out _);
    }

    private void MapQuotaRoutes(WebApplication app) =>
        app.MapGet("/api/v1/namespaces/{ns}/resourcequotas", (string ns) =>
        {
            Requests.Enqueue($"resourcequotas {ns}");
            var items = quotas.Where(q => q.Key.Ns == ns).Select(q => (JsonNode)JsonNode.Parse(q.Value.ToJsonString())!).ToArray();
            return Results.Text(List("ResourceQuotaList", items), "application/json");
        });
}
