using System.Text.Json.Nodes;
using Iomete.Deploy.Tests.Chart;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>
/// The committed output agrees with the built app: the gateway sends each public HTTP function to the Deployment that
/// enables it, and every Dapr subscription and cron binding posts to a function route of the service it is scoped to.
/// Read from the rendered files (not the generator's objects), with a matcher of its own.
/// </summary>
public sealed class ConsistencyTests
{
    private const string RoutesConfigMap = $"{ChartMatrix.Release}-gateway-routes";
    private static readonly IReadOnlyList<(string File, JsonNode Manifest)> Objects = GeneratedOutput.RenderedObjects("defaults");
    private static readonly IReadOnlyList<FunctionsMetadata.Entry> Functions = FunctionsMetadata.Read();

    /// <summary>app id (= Deployment name) → the functions its Functions host loads.</summary>
    private static readonly Dictionary<string, HashSet<string>> Enabled = Objects
        .Where(o => (string?)o.Manifest["kind"] == "Deployment")
        .ToDictionary(
            o => (string)o.Manifest["spec"]!["template"]!["metadata"]!["annotations"]!["dapr.io/app-id"]!,
            o => o.Manifest["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
                .Where(e => ((string)e!["name"]!).StartsWith("AzureFunctionsJobHost__functions__", StringComparison.Ordinal))
                .Select(e => (string)e!["value"]!).ToHashSet());

    [Fact]
    public void Every_function_is_enabled_by_exactly_one_deployment_besides_the_shared_probes()
    {
        var shared = new HashSet<string> { "healthz", "readyz" };
        foreach (var function in Functions)
        {
            var owners = Enabled.Where(d => d.Value.Contains(function.Name)).Select(d => d.Key).ToList();
            if (shared.Contains(function.Name))
                Assert.Equal(Enabled.Count(d => d.Value.Count > 0), owners.Count); // workers serve their own probes
            else
                Assert.True(owners.Count == 1, $"{function.Name} is enabled by [{string.Join(", ", owners)}]");
        }
        Assert.Empty(Enabled.Values.SelectMany(v => v).Except(Functions.Select(f => f.Name)));
    }

    [Fact]
    public void Every_public_http_function_is_routed_by_the_gateway_to_the_deployment_that_enables_it()
    {
        var table = RouteTable();
        var @internal = table["internal"]!.AsArray().Select(p => Segments((string)p!)).ToList();
        var routes = table["http"]!.AsArray().Select(r => (Prefix: Segments((string)r!["prefix"]!), Service: (string)r!["service"]!)).ToList();
        var checkedCount = 0;
        foreach (var function in Functions.Where(f => f.Name is not "healthz" and not "readyz"))
        {
            var path = Segments(function.Route);
            if (@internal.Any(p => Matches(p, path)))
                continue;
            var matches = routes.Where(r => Matches(r.Prefix, path)).ToList();
            Assert.True(matches.Count > 0, $"No gateway route for {function.Name} ({function.Route})");
            var longest = matches.Max(m => m.Prefix.Length);
            var winners = matches.Where(m => m.Prefix.Length == longest).Select(m => m.Service).Distinct().ToList();
            Assert.True(winners.Count == 1, $"{function.Route} matches routes of {string.Join(", ", winners)} equally");
            Assert.True(Enabled[$"iomete-{winners[0]}"].Contains(function.Name),
                $"{function.Name} ({function.Route}) is routed to iomete-{winners[0]}, which does not enable it");
            checkedCount++;
        }
        Assert.True(checkedCount > 300, $"only {checkedCount} public functions checked");
    }

    [Fact]
    public void The_gateway_refuses_internal_routes_before_any_service_route()
    {
        var locations = (string)Objects.Single(o => (string?)o.Manifest["metadata"]!["name"] == RoutesConfigMap).Manifest["data"]!["locations.conf"]!;
        var firstLocation = locations.Split('\n').First(l => l.StartsWith("location", StringComparison.Ordinal));
        Assert.Equal("location ~ ^(/internal|/api/[^/]+/internal)(/|$) {", firstLocation);
        Assert.Contains(Functions, f => f.Route.StartsWith("internal/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_subscription_posts_to_a_function_route_of_the_service_it_is_scoped_to()
    {
        var subscriptions = Objects.Where(o => (string?)o.Manifest["kind"] == "Subscription").Select(o => o.Manifest).ToList();
        Assert.True(subscriptions.Count >= 10, $"only {subscriptions.Count} subscriptions");
        foreach (var subscription in subscriptions)
            AssertRouteOfScopedService((string)subscription["spec"]!["routes"]!["default"]!, subscription, "POST");
    }

    [Fact]
    public void Every_cron_binding_posts_to_a_function_route_of_the_service_it_is_scoped_to()
    {
        var bindings = Objects.Where(o => (string?)o.Manifest["spec"]?["type"] == "bindings.cron").Select(o => o.Manifest).ToList();
        Assert.True(bindings.Count >= 5, $"only {bindings.Count} cron bindings");
        foreach (var binding in bindings)
        {
            var route = binding["spec"]!["metadata"]!.AsArray().Single(m => (string?)m!["name"] == "route")!["value"]!;
            AssertRouteOfScopedService((string)route!, binding, "POST");
        }
    }

    [Fact]
    public void Routes_of_a_switched_off_feature_leave_the_gateway()
    {
        static string Locations(string values) => (string)GeneratedOutput.RenderedObjects(values)
            .Single(o => (string?)o.Manifest["metadata"]!["name"] == RoutesConfigMap).Manifest["data"]!["locations.conf"]!;
        Assert.Contains($"proxy_set_header Host {ChartMatrix.Release}-event-streams;", Locations("defaults"), StringComparison.Ordinal);
        var off = Locations("all features off");
        Assert.DoesNotContain($"{ChartMatrix.Release}-event-streams", off, StringComparison.Ordinal);
        Assert.DoesNotContain($"{ChartMatrix.Release}-orchestrator", off, StringComparison.Ordinal);
        Assert.Contains($"{ChartMatrix.Release}-identity", off, StringComparison.Ordinal);
    }

    private static void AssertRouteOfScopedService(string route, JsonNode manifest, string method)
    {
        var scopes = manifest["scopes"]!.AsArray().Select(s => (string)s!).ToList();
        var name = (string?)manifest["metadata"]!["name"];
        Assert.True(scopes.Count == 1, $"{name} must be scoped to exactly one app, not [{string.Join(", ", scopes)}]");
        Assert.True(Enabled.TryGetValue(scopes[0], out var enabled), $"{name} is scoped to {scopes[0]}, which is no Deployment");
        var targets = Functions.Where(f => "/" + f.Route == route).ToList();
        Assert.True(targets.Count > 0, $"{name} posts to {route}, which is no function route");
        Assert.True(targets.Any(f => enabled.Contains(f.Name) && f.Methods.Contains(method)),
            $"{name} posts to {route}, which {scopes[0]} does not serve for {method}");
    }

    private static JsonNode RouteTable()
    {
        var map = Objects.Single(o => (string?)o.Manifest["kind"] == "ConfigMap" && (string?)o.Manifest["metadata"]!["name"] == RoutesConfigMap).Manifest;
        return YamlJson.Parse((string)map["data"]!["routes.yaml"]!)!;
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/');

    // A prefix segment "*" matches any one segment; a route parameter "{x}" is any value, so it matches any prefix segment.
    private static bool Matches(string[] prefix, string[] path) =>
        path.Length >= prefix.Length && prefix.Select((s, i) => s == "*" || path[i].StartsWith('{') || s == path[i]).All(m => m);
}
