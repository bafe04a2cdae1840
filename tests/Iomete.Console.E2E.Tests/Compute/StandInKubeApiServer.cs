using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iomete.Console.E2E.Tests.Compute;

/// <summary>
/// A small stand-in for the Kubernetes API server so the console's compute pages meet a real data-plane flow: it stores
/// SparkApplications and driver Services, serves list and watch, plays the operator (a created application is RUNNING a
/// moment later), and answers driver logs and events. (The clusters service's own contract tests use a fuller one.)
/// </summary>
internal sealed class StandInKubeApiServer : IAsyncDisposable
{
    private const string Apps = "/apis/sparkoperator.k8s.io/v1beta2/namespaces/{ns}/sparkapplications";
    private const string Services = "/api/v1/namespaces/{ns}/services";
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<(string Kind, string Ns, string Name), JsonObject> objects = new();
    private readonly List<(long Version, string Type, JsonObject Object)> log = [];
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long version = 100;

    private StandInKubeApiServer(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<StandInKubeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StandInKubeApiServer(app);
        app.MapPost(Apps, (HttpRequest r, string ns) => server.CreateAsync(r, ns, "SparkApplication", operate: true));
        app.MapGet(Apps, server.ListOrWatchAsync);
        app.MapGet(Apps + "/{name}", (string ns, string name) => server.Get("SparkApplication", ns, name));
        app.MapDelete(Apps + "/{name}", (string ns, string name) => server.Delete("SparkApplication", ns, name));
        app.MapPost(Services, (HttpRequest r, string ns) => server.CreateAsync(r, ns, "Service", operate: false));
        app.MapPut(Services + "/{name}", (HttpRequest r, string ns) => server.CreateAsync(r, ns, "Service", operate: false));
        app.MapGet(Services + "/{name}", (string ns, string name) => server.Get("Service", ns, name));
        app.MapDelete(Services + "/{name}", (string ns, string name) => server.Delete("Service", ns, name));
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}/log", (string name) =>
            Results.Text($"INFO SparkContext: Running Spark version 3.5\nINFO HiveThriftServer2: started on port 10000 ({name})\n", "text/plain"));
        app.MapGet("/api/v1/namespaces/{ns}/pods", () => Results.Text(server.List("PodList", []), "application/json"));
        app.MapGet("/api/v1/namespaces/{ns}/events", (HttpContext context, string ns) =>
        {
            var wanted = context.Request.Query["fieldSelector"].ToString().Replace("involvedObject.name=", "", StringComparison.Ordinal);
            var events = server.objects.Where(o => o.Key.Kind == "SparkApplication" && o.Key.Ns == ns && (wanted.Length == 0 || o.Key.Name == wanted))
                .Select(o => (JsonNode)new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = o.Key.Name + ".started", ["namespace"] = ns },
                    ["involvedObject"] = new JsonObject { ["kind"] = "SparkApplication", ["name"] = o.Key.Name, ["namespace"] = ns },
                    ["type"] = "Normal", ["reason"] = "SparkApplicationSubmitted", ["message"] = $"SparkApplication {o.Key.Name} was submitted",
                    ["count"] = 1, ["lastTimestamp"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                }).ToArray();
            return Results.Text(server.List("EventList", events), "application/json");
        });
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    private async Task<IResult> CreateAsync(HttpRequest request, string ns, string kind, bool operate)
    {
        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        var name = body["metadata"]!["name"]!.GetValue<string>();
        body["metadata"]!["namespace"] = ns;
        body["metadata"]!["uid"] = Guid.NewGuid().ToString();
        if (!objects.TryAdd((kind, ns, name), body))
        {
            if (request.Method != "PUT")
            {
                return Results.Text(Status(409, "AlreadyExists", name), "application/json", statusCode: 409);
            }
            objects[(kind, ns, name)] = body;
        }
        Record("ADDED", body);
        if (operate)
        {
            _ = PlayOperatorAsync(ns, name);
        }
        return Results.Text(body.ToJsonString(), "application/json", statusCode: 201);
    }

    private async Task PlayOperatorAsync(string ns, string name)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        if (objects.TryGetValue(("SparkApplication", ns, name), out var item))
        {
            lock (gate)
            {
                item["status"] = new JsonObject { ["applicationState"] = new JsonObject { ["state"] = "RUNNING" } };
            }
            Record("MODIFIED", item);
        }
    }

    private IResult Get(string kind, string ns, string name) => objects.TryGetValue((kind, ns, name), out var found)
        ? Results.Text(found.ToJsonString(), "application/json")
        : Results.Text(Status(404, "NotFound", name), "application/json", statusCode: 404);

    private IResult Delete(string kind, string ns, string name)
    {
        if (!objects.TryRemove((kind, ns, name), out var removed))
        {
            return Results.Text(Status(404, "NotFound", name), "application/json", statusCode: 404);
        }
        if (kind == "SparkApplication")
        {
            Record("DELETED", removed);
        }
        // As the real API server: a deleted Service comes back as the object, a deleted custom resource as a Status.
        return Results.Text(kind == "Service" ? removed.ToJsonString() : Status(200, "Success", name), "application/json");
    }

    private async Task ListOrWatchAsync(HttpContext context, string ns)
    {
        context.Response.ContentType = "application/json";
        if (context.Request.Query["watch"].ToString() is not ("true" or "1"))
        {
            var items = objects.Where(p => p.Key.Kind == "SparkApplication" && p.Key.Ns == ns).Select(p => JsonNode.Parse(p.Value.ToJsonString())).ToArray();
            await context.Response.WriteAsync(List("SparkApplicationList", items));
            return;
        }
        var from = long.TryParse(context.Request.Query["resourceVersion"], CultureInfo.InvariantCulture, out var v) ? v : 0;
        while (!context.RequestAborted.IsCancellationRequested)
        {
            Task wait;
            List<(long Version, string Type, JsonObject Object)> pending;
            lock (gate)
            {
                pending = [.. log.Where(e => e.Version > from && e.Object["metadata"]?["namespace"]?.GetValue<string>() == ns)];
                wait = changed.Task;
            }
            foreach (var (eventVersion, type, item) in pending)
            {
                var line = new JsonObject { ["type"] = type, ["object"] = JsonNode.Parse(item.ToJsonString()) }.ToJsonString() + "\n";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line));
                await context.Response.Body.FlushAsync();
                from = eventVersion;
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

    private void Record(string type, JsonObject item)
    {
        lock (gate)
        {
            var next = ++version;
            item["metadata"]!["resourceVersion"] = next.ToString(CultureInfo.InvariantCulture);
            log.Add((next, type, JsonNode.Parse(item.ToJsonString())!.AsObject()));
            var previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }
    }

    private string List(string kind, JsonNode?[] items) => new JsonObject
    {
        ["apiVersion"] = "v1", ["kind"] = kind,
        ["metadata"] = new JsonObject { ["resourceVersion"] = Interlocked.Read(ref version).ToString(CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray(items),
    }.ToJsonString();

    private static string Status(int code, string reason, string message) =>
        new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = code < 400 ? "Success" : "Failure", ["code"] = code, ["reason"] = reason, ["message"] = message }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
