using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>The core/v1 pod-log, pod-list and event endpoints of the stand-in (driver logs, Kubernetes events, crash loops).</summary>
internal sealed partial class FakeKubeApiServer
{
    private readonly ConcurrentDictionary<(string Ns, string Pod), string> podLogs = new();
    private readonly ConcurrentDictionary<(string Ns, string Name), JsonObject> pods = new();
    private readonly ConcurrentQueue<(string Ns, JsonObject Event)> events = new();

    /// <summary>The log text a pod returns (the pod exists from now on).</summary>
    public void SetPodLog(string ns, string pod, string text) => podLogs[(ns, pod)] = text;

    /// <summary>Records a core/v1 Event about an object.</summary>
    public void AddEvent(string ns, string kind, string objectName, string type, string reason, string message, int count, DateTimeOffset lastSeen) =>
        events.Enqueue((ns, new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = $"{objectName}.{Guid.NewGuid():N}", ["namespace"] = ns },
            ["involvedObject"] = new JsonObject { ["kind"] = kind, ["name"] = objectName, ["namespace"] = ns },
            ["type"] = type, ["reason"] = reason, ["message"] = message, ["count"] = count,
            ["firstTimestamp"] = lastSeen.AddMinutes(-count).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["lastTimestamp"] = lastSeen.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }));

    /// <summary>A pod with these labels whose container waits for <paramref name="waitingReason"/> (e.g. <c>CrashLoopBackOff</c>), or runs when null.</summary>
    public void SetPod(string ns, string name, IReadOnlyDictionary<string, string> labels, string? waitingReason, string? ip = null)
    {
        var state = waitingReason is null
            ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = "2026-11-28T20:00:00Z" } }
            : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = waitingReason, ["message"] = "back-off 5m0s restarting failed container" } };
        var labelJson = new JsonObject();
        foreach (var (key, value) in labels)
            labelJson[key] = value;
        pods[(ns, name)] = new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labelJson },
            ["status"] = new JsonObject
            {
                ["phase"] = waitingReason is null ? "Running" : "Pending",
                ["podIP"] = waitingReason is null ? ip ?? "10.244.0.7" : null,
                ["containerStatuses"] = new JsonArray(new JsonObject
                {
                    ["name"] = "main", ["ready"] = waitingReason is null, ["restartCount"] = waitingReason is null ? 0 : 5, ["image"] = "x", ["imageID"] = "",
                    ["state"] = state,
                    ["lastState"] = waitingReason is null ? new JsonObject() : new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = 1, ["reason"] = "Error" } },
                }),
            },
        };
    }

    private void MapPodRoutes(WebApplication app)
    {
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}/log", (HttpContext context, string ns, string name) =>
        {
            Requests.Enqueue($"log {ns}/{name}{context.Request.QueryString}");
            if (!podLogs.TryGetValue((ns, name), out var text))
                return Results.Text(Status("Failure", 404, "NotFound", $"pods \"{name}\" not found"), "application/json", statusCode: 404);
            if (int.TryParse(context.Request.Query["tailLines"], CultureInfo.InvariantCulture, out var tail))
                text = string.Join('\n', text.Split('\n').TakeLast(tail));
            return Results.Text(text, "text/plain");
        });
        app.MapGet("/api/v1/namespaces/{ns}/pods", (HttpContext context, string ns) =>
        {
            var selector = context.Request.Query["labelSelector"].ToString();
            var items = pods.Where(p => p.Key.Ns == ns && Matches(p.Value, selector)).Select(p => (JsonNode)JsonNode.Parse(p.Value.ToJsonString())!).ToArray();
            return Results.Text(List("PodList", items), "application/json");
        });
        app.MapGet("/api/v1/namespaces/{ns}/events", (HttpContext context, string ns) =>
        {
            var selector = context.Request.Query["fieldSelector"].ToString();
            Requests.Enqueue($"events {ns}?{selector}");
            var wanted = selector.StartsWith("involvedObject.name=", StringComparison.Ordinal) ? selector["involvedObject.name=".Length..] : null;
            var items = events.Where(e => e.Ns == ns && (wanted is null || e.Event["involvedObject"]!["name"]!.GetValue<string>() == wanted))
                .Select(e => (JsonNode)JsonNode.Parse(e.Event.ToJsonString())!).ToArray();
            return Results.Text(List("EventList", items), "application/json");
        });
    }

    private string List(string kind, JsonNode[] items) => new JsonObject
    {
        ["apiVersion"] = "v1", ["kind"] = kind,
        ["metadata"] = new JsonObject { ["resourceVersion"] = CurrentVersion.ToString(CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray(items),
    }.ToJsonString();
}
