using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Tests.Schemas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>
/// The apps/v1 Deployment and core/v1 Service and Secret endpoints of the stand-in (Jupyter containers, compute driver
/// Services, the history server, secret stores):
/// create/get/replace/delete, Deployment list and watch. Every body is checked against the Kubernetes v1.32.2 JSON
/// schema (422 otherwise); a replace needs the current resource version (409 otherwise), as on a real API server.
/// </summary>
internal sealed partial class FakeKubeApiServer
{
    private const string Deployments = "/apis/apps/v1/namespaces/{ns}/deployments";
    private const string Services = "/api/v1/namespaces/{ns}/services";
    private const string SecretsRoute = "/api/v1/namespaces/{ns}/secrets";
    private readonly ConcurrentDictionary<(string Kind, string Ns, string Name), JsonObject> workloads = new();
    private readonly List<(long Version, string Type, JsonObject Object)> deploymentLog = [];
    private TaskCompletionSource deploymentsChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The stored Deployment (a copy), or null.</summary>
    public JsonObject? Deployment(string ns, string name) => Copy("Deployment", ns, name);

    /// <summary>The stored Service (a copy), or null.</summary>
    public JsonObject? Service(string ns, string name) => Copy("Service", ns, name);

    /// <summary>The stored Secret (a copy, <c>stringData</c> folded into base64 <c>data</c>), or null.</summary>
    public JsonObject? Secret(string ns, string name) => Copy("Secret", ns, name);

    public ConcurrentQueue<JsonObject> AppliedWorkloads { get; } = new();

    /// <summary>Plays the Deployment controller: replaces <c>status</c> (a MODIFIED event).</summary>
    public void SetDeploymentStatus(string ns, string name, int readyReplicas, params (string Type, string Status, string Reason, string Message)[] conditions)
    {
        var item = workloads[("Deployment", ns, name)];
        lock (gate)
        {
            item["status"] = new JsonObject
            {
                ["replicas"] = 1, ["readyReplicas"] = readyReplicas, ["availableReplicas"] = readyReplicas,
                ["conditions"] = new JsonArray(conditions.Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = c.Type, ["status"] = c.Status, ["reason"] = c.Reason, ["message"] = c.Message,
                }).ToArray()),
            };
        }
        RecordDeployment("MODIFIED", item);
    }

    private JsonObject? Copy(string kind, string ns, string name) =>
        workloads.TryGetValue((kind, ns, name), out var found) ? JsonNode.Parse(found.ToJsonString())!.AsObject() : null;

    private void MapWorkloadRoutes(WebApplication app)
    {
        app.MapPost(Deployments, (HttpRequest r, string ns) => CreateWorkloadAsync(r, ns, "Deployment"));
        app.MapPost(Services, (HttpRequest r, string ns) => CreateWorkloadAsync(r, ns, "Service"));
        app.MapPut(Deployments + "/{name}", (HttpRequest r, string ns, string name) => ReplaceWorkloadAsync(r, ns, name, "Deployment"));
        app.MapPut(Services + "/{name}", (HttpRequest r, string ns, string name) => ReplaceWorkloadAsync(r, ns, name, "Service"));
        app.MapGet(Deployments + "/{name}", (string ns, string name) => GetWorkload("Deployment", ns, name));
        app.MapGet(Services + "/{name}", (string ns, string name) => GetWorkload("Service", ns, name));
        app.MapDelete(Deployments + "/{name}", (string ns, string name) => DeleteWorkload("Deployment", ns, name));
        app.MapDelete(Services + "/{name}", (string ns, string name) => DeleteWorkload("Service", ns, name));
        app.MapGet(Deployments, ListOrWatchDeploymentsAsync);
        app.MapPost(SecretsRoute, (HttpRequest r, string ns) => CreateWorkloadAsync(r, ns, "Secret"));
        app.MapPut(SecretsRoute + "/{name}", (HttpRequest r, string ns, string name) => ReplaceWorkloadAsync(r, ns, name, "Secret"));
        app.MapGet(SecretsRoute + "/{name}", (string ns, string name) => GetWorkload("Secret", ns, name));
        app.MapDelete(SecretsRoute + "/{name}", (string ns, string name) => DeleteWorkload("Secret", ns, name));
    }

    private async Task<IResult> CreateWorkloadAsync(HttpRequest request, string ns, string kind)
    {
        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        AppliedWorkloads.Enqueue(body);
        if (kind == "Secret" && NoteSecretWrite("POST", ns, body, KubernetesSchemas.Errors(KubernetesSchemas.Secret, body)) is { } refused)
            return refused;
        if (Invalid(body, kind) is { } invalid)
            return invalid;
        var name = body["metadata"]!["name"]!.GetValue<string>();
        if (body["metadata"]!["namespace"]?.GetValue<string>() is { } declared && declared != ns)
            return Results.Text(Status("Failure", 400, "BadRequest", "namespace mismatch"), "application/json", statusCode: 400);
        body.Remove("status");
        FoldStringData(body);
        if (kind == "Service")
            body["spec"]!["clusterIP"] = $"10.96.0.{workloads.Count + 10}";
        if (!workloads.TryAdd((kind, ns, name), body))
            return Results.Text(Status("Failure", 409, "AlreadyExists", name), "application/json", statusCode: 409);
        Stamp(kind, body, "ADDED");
        return Results.Text(body.ToJsonString(), "application/json", statusCode: 201);
    }

    private async Task<IResult> ReplaceWorkloadAsync(HttpRequest request, string ns, string name, string kind)
    {
        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        AppliedWorkloads.Enqueue(body);
        if (kind == "Secret" && NoteSecretWrite("PUT", ns, body, KubernetesSchemas.Errors(KubernetesSchemas.Secret, body)) is { } refused)
            return refused;
        if (Invalid(body, kind) is { } invalid)
            return invalid;
        if (!workloads.TryGetValue((kind, ns, name), out var current))
            return NotFound(name);
        // As on the API server, a replace without a resource version is unconditional; with one, it must be current.
        var expected = current["metadata"]!["resourceVersion"]!.GetValue<string>();
        if (body["metadata"]?["resourceVersion"]?.GetValue<string>() is { } given && given != expected)
            return Results.Text(Status("Failure", 409, "Conflict", "the object has been modified"), "application/json", statusCode: 409);
        if (kind == "Service" && body["spec"]?["clusterIP"]?.GetValue<string>() != current["spec"]!["clusterIP"]!.GetValue<string>())
            return Results.Text(Status("Failure", 422, "Invalid", "spec.clusterIP: field is immutable"), "application/json", statusCode: 422);
        body["status"] = current["status"]?.DeepClone();
        FoldStringData(body);
        workloads[(kind, ns, name)] = body;
        Stamp(kind, body, "MODIFIED");
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private IResult GetWorkload(string kind, string ns, string name) => workloads.TryGetValue((kind, ns, name), out var found)
        ? Results.Text(found.ToJsonString(), "application/json")
        : NotFound(name);

    private IResult DeleteWorkload(string kind, string ns, string name)
    {
        Requests.Enqueue($"delete {kind} {ns}/{name}");
        if (!workloads.TryRemove((kind, ns, name), out var removed))
            return NotFound(name);
        if (kind == "Deployment")
            RecordDeployment("DELETED", removed);
        // Services answer a delete with the deleted object, Deployments and Secrets with a Status.
        return Results.Text(kind == "Service" ? removed.ToJsonString() : Status("Success", 200, "", name), "application/json");
    }

    private IResult? Invalid(JsonObject body, string kind)
    {
        var schema = kind switch
        {
            "Deployment" => KubernetesSchemas.Deployment,
            "Service" => KubernetesSchemas.Service,
            _ => KubernetesSchemas.Secret,
        };
        var errors = KubernetesSchemas.Errors(schema, body);
        if (errors.Count == 0)
            return null;
        var problem = $"{kind}: {string.Join("; ", errors.Take(5))}";
        lock (gate)
        {
            Errors.Add(problem);
        }
        return Results.Text(Status("Failure", 422, "Invalid", problem), "application/json", statusCode: 422);
    }

    // The API server stores stringData as base64 data and never returns stringData.
    private static void FoldStringData(JsonObject body)
    {
        if (body["stringData"] is not JsonObject plain)
            return;
        if (body["data"] is not JsonObject data)
        {
            data = new JsonObject();
            body["data"] = data;
        }
        foreach (var (key, value) in plain)
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value!.GetValue<string>()));
        body.Remove("stringData");
    }

    private void Stamp(string kind, JsonObject body, string type)
    {
        if (kind == "Deployment")
        {
            RecordDeployment(type, body);
            return;
        }
        body["metadata"]!["resourceVersion"] = Interlocked.Increment(ref version).ToString(CultureInfo.InvariantCulture);
    }

    private void RecordDeployment(string type, JsonObject item)
    {
        lock (gate)
        {
            var next = Interlocked.Increment(ref version);
            item["metadata"]!["resourceVersion"] = next.ToString(CultureInfo.InvariantCulture);
            deploymentLog.Add((next, type, JsonNode.Parse(item.ToJsonString())!.AsObject()));
            var previous = deploymentsChanged;
            deploymentsChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }

    private async Task ListOrWatchDeploymentsAsync(HttpContext context, string ns)
    {
        var query = context.Request.Query;
        var selector = query["labelSelector"].ToString();
        context.Response.ContentType = "application/json";
        if (query["watch"].ToString() is not ("true" or "1"))
        {
            Interlocked.Increment(ref lists);
            lock (gate)
            {
                version = Math.Max(version, ExpiredBelow);
            }
            Requests.Enqueue($"list deployments at {CurrentVersion}");
            var items = workloads.Where(p => p.Key.Kind == "Deployment" && p.Key.Ns == ns && Matches(p.Value, selector))
                .Select(p => (JsonNode)JsonNode.Parse(p.Value.ToJsonString())!).ToArray();
            await context.Response.WriteAsync(List("DeploymentList", items));
            return;
        }
        var from = long.Parse(query["resourceVersion"].ToString() is { Length: > 0 } v ? v : "0", CultureInfo.InvariantCulture);
        Requests.Enqueue($"watch deployments from {from}{(from < ExpiredBelow ? " (expired)" : "")}");
        if (from < ExpiredBelow)
        {
            await WriteEventAsync(context, "ERROR", JsonNode.Parse(Status("Failure", 410, "Expired", "too old resource version"))!.AsObject());
            return;
        }
        var sent = 0;
        while (!context.RequestAborted.IsCancellationRequested)
        {
            Task wait;
            List<(long Version, string Type, JsonObject Object)> pending;
            lock (gate)
            {
                pending = deploymentLog.Where(e => e.Version > from && e.Object["metadata"]?["namespace"]?.GetValue<string>() == ns && Matches(e.Object, selector)).ToList();
                wait = deploymentsChanged.Task;
            }
            foreach (var (eventVersion, type, item) in pending)
            {
                await WriteEventAsync(context, type, item);
                from = eventVersion;
                if (++sent >= DropWatchesAfter)
                    return;
            }
            try
            {
                await wait.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
