using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Clusters.Tests.DataPlane;

/// <summary>
/// A stand-in for the Kubernetes API server's custom-objects endpoints of <c>sparkapplications</c> (no Kubernetes runs
/// here): create/get/delete/list/watch with resource versions, as the API server answers them, plus hooks to play the
/// operator (set a state), drop watches, expire old resource versions, fail or slow creates, and check request bodies.
/// </summary>
internal sealed partial class FakeKubeApiServer : IAsyncDisposable
{
    private const string Prefix = "/apis/sparkoperator.k8s.io/v1beta2/namespaces/{ns}/sparkapplications";
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<(string Ns, string Name), JsonObject> objects = new();
    private readonly List<(long Version, string Type, JsonObject Object)> log = [];
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long version = 100;
    private int inFlightCreates;
    private int lists;

    private FakeKubeApiServer(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Checks a created body; a message makes the create fail with 422 (as an invalid object would).</summary>
    public Func<JsonObject, string?>? Validate { get; set; }

    /// <summary>Close every watch after this many events (the API server ends watches at its timeout).</summary>
    public int? DropWatchesAfter { get; set; }

    /// <summary>Watches from a resource version below this get a 410 Gone error event.</summary>
    public long ExpiredBelow { get; set; }

    public TimeSpan CreateDelay { get; set; }

    public int MaxConcurrentCreates { get; private set; }

    /// <summary>How many plain (non-watch) list requests were served.</summary>
    public int Lists => Volatile.Read(ref lists);

    public ConcurrentQueue<JsonObject> Created { get; } = new();

    /// <summary>What was asked, in order (for failure messages).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public List<string> Errors { get; } = [];

    public static async Task<FakeKubeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeKubeApiServer(app);
        app.MapPost(Prefix, server.CreateAsync);
        app.MapGet(Prefix, server.ListOrWatchAsync);
        app.MapGet(Prefix + "/{name}", (string ns, string name) => server.objects.TryGetValue((ns, name), out var found)
            ? Results.Text(found.ToJsonString(), "application/json")
            : NotFound(name));
        app.MapDelete(Prefix + "/{name}", (string ns, string name) =>
        {
            if (!server.objects.TryRemove((ns, name), out var removed))
            {
                return NotFound(name);
            }
            server.Record("DELETED", removed);
            return Results.Text(Status("Success", 200, "", name), "application/json");
        });
        server.MapPodRoutes(app);
        server.MapWorkloadRoutes(app);
        server.MapQuotaRoutes(app);
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Plays the operator: sets <c>status.applicationState</c> (a MODIFIED event).</summary>
    public void SetState(string ns, string name, string state, string? error = null)
    {
        var item = objects[(ns, name)];
        lock (gate)
        {
            item["status"] = new JsonObject { ["applicationState"] = new JsonObject { ["state"] = state, ["errorMessage"] = error } };
        }
        Record("MODIFIED", item);
    }

    public long CurrentVersion => Interlocked.Read(ref version);

    private async Task<IResult> CreateAsync(HttpRequest request, string ns)
    {
        var concurrent = Interlocked.Increment(ref inFlightCreates);
        lock (gate)
        {
            MaxConcurrentCreates = Math.Max(MaxConcurrentCreates, concurrent);
        }
        try
        {
            if (CreateDelay > TimeSpan.Zero)
            {
                await Task.Delay(CreateDelay);
            }
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
            Created.Enqueue(body);
            if (Validate?.Invoke(body) is { } problem)
            {
                lock (gate)
                {
                    Errors.Add(problem);
                }
                return Results.Text(Status("Failure", 422, "Invalid", problem), "application/json", statusCode: 422);
            }
            var name = body["metadata"]!["name"]!.GetValue<string>();
            if (body["metadata"]!["namespace"]?.GetValue<string>() is { } declared && declared != ns)
            {
                return Results.Text(Status("Failure", 400, "BadRequest", "namespace mismatch"), "application/json", statusCode: 400);
            }
            if (!objects.TryAdd((ns, name), body))
            {
                return Results.Text(Status("Failure", 409, "AlreadyExists", name), "application/json", statusCode: 409);
            }
            Record("ADDED", body);
            return Results.Text(body.ToJsonString(), "application/json", statusCode: 201);
        }
        finally
        {
            Interlocked.Decrement(ref inFlightCreates);
        }
    }

    private async Task ListOrWatchAsync(HttpContext context, string ns)
    {
        var query = context.Request.Query;
        var selector = query["labelSelector"].ToString();
        if (query["watch"] is not { Count: > 0 } watch || watch.ToString() is not ("true" or "1"))
        {
            Interlocked.Increment(ref lists);
            lock (gate)
            {
                // After a compaction the server's version is past everything expired (a list is always watchable from).
                version = Math.Max(version, ExpiredBelow);
            }
            Requests.Enqueue($"list at {CurrentVersion}");
            var items = new JsonArray(objects.Where(p => p.Key.Ns == ns && Matches(p.Value, selector)).Select(p => (JsonNode)JsonNode.Parse(p.Value.ToJsonString())!).ToArray());
            var list = new JsonObject
            {
                ["apiVersion"] = "sparkoperator.k8s.io/v1beta2", ["kind"] = "SparkApplicationList",
                ["metadata"] = new JsonObject { ["resourceVersion"] = CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["items"] = items,
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(list.ToJsonString());
            return;
        }
        var from = long.Parse(query["resourceVersion"].ToString() is { Length: > 0 } v ? v : "0", System.Globalization.CultureInfo.InvariantCulture);
        Requests.Enqueue($"watch from {from}{(from < ExpiredBelow ? " (expired)" : "")}");
        context.Response.ContentType = "application/json";
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
                pending = log.Where(e => e.Version > from && e.Object["metadata"]?["namespace"]?.GetValue<string>() == ns && Matches(e.Object, selector)).ToList();
                wait = changed.Task;
            }
            foreach (var (eventVersion, type, item) in pending)
            {
                await WriteEventAsync(context, type, item);
                from = eventVersion;
                if (++sent >= DropWatchesAfter)
                {
                    return;
                }
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

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject item)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = JsonNode.Parse(item.ToJsonString()) }.ToJsonString() + "\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line));
        await context.Response.Body.FlushAsync();
    }

    private void Record(string type, JsonObject item)
    {
        lock (gate)
        {
            var next = Interlocked.Increment(ref version);
            item["metadata"]!["resourceVersion"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            log.Add((next, type, JsonNode.Parse(item.ToJsonString())!.AsObject()));
            var previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }

    private static bool Matches(JsonObject item, string selector)
    {
        if (selector.Length == 0)
        {
            return true;
        }
        var labels = item["metadata"]?["labels"]?.AsObject();
        return selector.Split(',').All(term =>
        {
            var parts = term.Split('=', 2);
            return labels?[parts[0]]?.GetValue<string>() == parts[1];
        });
    }

    private static IResult NotFound(string name) => Results.Text(Status("Failure", 404, "NotFound", name), "application/json", statusCode: 404);

    private static string Status(string status, int code, string reason, string message) =>
        new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = status, ["code"] = code, ["reason"] = reason, ["message"] = message }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
