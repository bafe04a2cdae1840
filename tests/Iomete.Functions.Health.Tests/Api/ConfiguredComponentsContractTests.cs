using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Health.Tests.Api;

/// <summary>
/// A platform configured with a Kubernetes API server and a Dapr sidecar (both a stand-in here): their components are
/// listed and probed; a missing spark-operator CRD is an outage that is published and posted to a webhook.
/// </summary>
public sealed class ConfiguredComponentsContractTests : IAsyncLifetime
{
    private const string CrdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/sparkapplications.sparkoperator.k8s.io";

    private volatile bool _crdInstalled = true;
    private int _webhookCalls;
    private StubServer _kube = null!;
    private StubServer _webhook = null!;
    private LocalPlatform _platform = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _kube = await StubServer.StartAsync(AnswerKubernetesAndDaprAsync);
        _webhook = await StubServer.StartAsync((context, body) =>
        {
            // The first delivery about the spark-operator fails: the change must arrive by the retry.
            var first = body.Contains("spark-operator", StringComparison.Ordinal) && Interlocked.Increment(ref _webhookCalls) == 1;
            context.Response.StatusCode = first ? 500 : 204;
            return Task.CompletedTask;
        });
        _platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Kubernetes:ApiServer"] = _kube.Address.ToString().TrimEnd('/'),
            ["DAPR_HTTP_PORT"] = _kube.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Iomete:Health:Notifications:MinimumInterval"] = "00:00:00",
            ["Iomete:Health:Notifications:RetryDelay"] = "00:00:00.200",
        }, RecordingEventBus.Install);
        _admin = await _platform.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _platform.DisposeAsync();
        await _webhook.DisposeAsync();
        await _kube.DisposeAsync();
    }

    private Task AnswerKubernetesAndDaprAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value;
        context.Response.ContentType = "application/json";
        switch (path)
        {
            case "/version" or "/version/":
                return context.Response.WriteAsync("""{"major":"1","minor":"31","gitVersion":"v1.31.2","platform":"linux/amd64"}""");
            case CrdPath when _crdInstalled:
                return context.Response.WriteAsync("""{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"sparkapplications.sparkoperator.k8s.io"}}""");
            case "/v1.0/healthz":
                context.Response.StatusCode = 204;
                return Task.CompletedTask;
            default:
                context.Response.StatusCode = 404;
                return context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        }
    }

    private static JsonElement Component(JsonElement view, string name) =>
        view.GetProperty("components").EnumerateArray().Single(c => c.Str("name") == name);

    [Fact]
    public async Task KubernetesSparkOperatorAndDapr_AreProbed_AndAMissingCrdIsAnOutage_PublishedAndPostedToTheWebhook()
    {
        await _admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/health-check/notifications",
            new { webhooks = new[] { new Uri(_webhook.Address, "/hooks/health?key=secret").ToString() } });

        var healthy = await _admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/health-check/refresh");
        Assert.Equal(["metadata-db", "object-storage", "embedded-engine", "workflows", "function-app:local", "kubernetes-api", "spark-operator", "dapr-sidecar"],
            healthy.GetProperty("components").EnumerateArray().Select(c => c.Str("name")));
        foreach (var name in new[] { "kubernetes-api", "spark-operator", "dapr-sidecar" })
        {
            var component = Component(healthy, name);
            Assert.True(component.Str("status") == "OPERATIONAL", component.ToString());
        }

        _crdInstalled = false;
        var broken = await _admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/health-check/refresh");
        var operatorView = Component(broken, "spark-operator");
        Assert.Equal("OUTAGE", operatorView.Str("status"));
        Assert.Contains("not installed", operatorView.Str("message"), StringComparison.Ordinal);
        Assert.Equal("OPERATIONAL", Component(broken, "kubernetes-api").Str("status"));
        Assert.Equal("OUTAGE", broken.Str("status"));
        var anyFailure = await _admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/health-check/spark-operator?metric=P100");
        Assert.Equal("OUTAGE", anyFailure.GetProperty("bars")[47].Str("status"));
        var sixMinutes = await _admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/health-check/spark-operator?metric=P90");
        Assert.Equal("OPERATIONAL", sixMinutes.GetProperty("bars")[47].Str("status"));

        var events = RecordingEventBus.Of(_platform).Health;
        Assert.Contains(events, e => e is { Component: "spark-operator", PreviousStatus: "OPERATIONAL", Status: "OUTAGE" });

        // The first post answered 500; the retry delivered the same change.
        var delivered = await WaitForAsync(() => Posted("OUTAGE").Skip(1).FirstOrDefault(), TimeSpan.FromSeconds(10));
        using (var payload = JsonDocument.Parse(delivered))
        {
            Assert.Equal("health-status-changed", payload.RootElement.Str("event"));
            Assert.Equal("spark-operator", payload.RootElement.Str("component"));
            Assert.Equal("OPERATIONAL", payload.RootElement.Str("previousStatus"));
            Assert.Equal("OUTAGE", payload.RootElement.Str("status"));
        }
        Assert.Equal("/hooks/health?key=secret", _webhook.Requests.First().Path);

        _crdInstalled = true;
        var recovered = await _admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/health-check/refresh");
        Assert.Equal("OPERATIONAL", Component(recovered, "spark-operator").Str("status"));
        var back = await WaitForAsync(() => Posted("OPERATIONAL").FirstOrDefault(), TimeSpan.FromSeconds(10));
        Assert.Contains("\"previousStatus\":\"OUTAGE\"", back, StringComparison.Ordinal);
    }

    private IEnumerable<string> Posted(string status) => _webhook.Requests
        .Where(r => r.Method == "POST" && r.Body.Contains("\"component\":\"spark-operator\"", StringComparison.Ordinal)
                    && r.Body.Contains($"\"status\":\"{status}\"", StringComparison.Ordinal))
        .Select(r => r.Body);

    private static async Task<string> WaitForAsync(Func<string?> read, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (read() is { Length: > 0 } value)
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing arrived within " + timeout);
    }
}
