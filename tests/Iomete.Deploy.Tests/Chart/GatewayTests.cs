using System.Text.RegularExpressions;
using Iomete.Deploy.Tests.Chart.Validation;

namespace Iomete.Deploy.Tests.Chart;

/// <summary>The hand-written gateway and the generated route table fit together, and every backend it names exists.</summary>
public sealed partial class GatewayTests
{
    private const string Interceptor = "keda-add-ons-http-interceptor-proxy.keda.svc.cluster.local:8080";

    [Theory]
    [MemberData(nameof(ChartMatrix.Names), MemberType = typeof(ChartMatrix))]
    public void EveryProxyPass_NamesARenderedServiceAndPort_OrTheKedaInterceptorWithTheHostOfAnHttpScaledObject(string matrixCase)
    {
        var objects = RenderedChartTests.Render(matrixCase);
        var services = objects.Where(o => o.Kind == "Service")
            .SelectMany(s => s.Json["spec"]!["ports"]!.AsArray().Select(p => $"{s.Name}:{(long)p!["port"]!}"))
            .ToHashSet();
        var locations = (string)Single(objects, "ConfigMap", $"{ChartMatrix.Release}-gateway-routes").Json["data"]!["locations.conf"]!;

        var targets = ProxyPass().Matches(locations).Select(m => m.Groups["target"].Value).ToList();

        Assert.Contains($"{ChartMatrix.Release}-console:8080", targets);
        Assert.Contains($"{ChartMatrix.Release}-identity:80", services);
        foreach (var target in targets.Where(t => t != Interceptor))
            Assert.True(services.Contains(target), $"{matrixCase}: the gateway proxies to {target}, which no rendered Service serves");
        var keda = objects.Any(o => o.Kind == "HTTPScaledObject");
        Assert.Equal(keda, targets.Contains(Interceptor));
        // Through the interceptor, the Host header picks the HTTPScaledObject (and so the Deployment it wakes).
        var hosts = objects.Where(o => o.Kind == "HTTPScaledObject")
            .SelectMany(o => o.Json["spec"]!["hosts"]!.AsArray().Select(h => (string)h!)).ToHashSet();
        foreach (var host in HostHeader().Matches(locations).Select(m => m.Groups["host"].Value))
            Assert.True(hosts.Contains(host), $"{matrixCase}: the gateway sends Host {host}, which no HTTPScaledObject serves");
    }

    [Fact]
    public void Gateway_IsReadOnlyNonRoot_IncludesTheGeneratedLocations_AndHasAResolver()
    {
        var objects = RenderedChartTests.Render("defaults");
        var pod = Single(objects, "Deployment", $"{ChartMatrix.Release}-gateway").Json["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]![0]!;

        Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        var mounts = container["volumeMounts"]!.AsArray().ToDictionary(m => (string)m!["name"]!, m => (string)m!["mountPath"]!);
        Assert.Equal(("/tmp", "/var/cache/nginx", "/etc/nginx/routes"), (mounts["tmp"], mounts["cache"], mounts["routes"]));
        var volumes = pod["volumes"]!.AsArray().ToDictionary(v => (string)v!["name"]!, v => v!);
        Assert.Equal($"{ChartMatrix.Release}-gateway-routes", (string?)volumes["routes"]["configMap"]!["name"]);
        Assert.NotNull(volumes["tmp"]["emptyDir"]);
        var server = (string)Single(objects, "ConfigMap", $"{ChartMatrix.Release}-gateway").Json["data"]!["default.conf"]!;
        Assert.Contains("include /etc/nginx/routes/locations.conf;", server, StringComparison.Ordinal);
        Assert.Contains("resolver kube-dns.kube-system.svc.cluster.local valid=30s;", server, StringComparison.Ordinal);
        var port = Single(objects, "Service", $"{ChartMatrix.Release}-gateway").Json["spec"]!["ports"]![0]!;
        Assert.Equal("http", (string?)port["name"]);
    }

    [Theory]
    [MemberData(nameof(ChartMatrix.Names), MemberType = typeof(ChartMatrix))]
    public void GeneratedDeployments_ReadTheSettings_ThePostgresPassword_AndWriteOnlyToEmptyDirs(string matrixCase)
    {
        var deployments = RenderedChartTests.Render(matrixCase)
            .Where(o => o.Kind == "Deployment" && o.File.StartsWith("templates/generated/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            var pod = deployment.Json["spec"]!["template"]!["spec"]!;
            var container = pod["containers"]![0]!;
            Assert.Equal([$"{ChartMatrix.Release}-settings", $"{ChartMatrix.Release}-settings"],
                container["envFrom"]!.AsArray().Select(e => (string?)(e!["configMapRef"] ?? e["secretRef"])!["name"]));
            var password = container["env"]!.AsArray().Single(e => (string?)e!["name"] == "IOMETE_POSTGRES_PASSWORD")!;
            Assert.Equal(("iomete-postgresql", "password"),
                ((string?)password["valueFrom"]!["secretKeyRef"]!["name"], (string?)password["valueFrom"]!["secretKeyRef"]!["key"]));
            Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!, $"{deployment}");
            var emptyDirs = pod["volumes"]!.AsArray().Where(v => v!["emptyDir"] is not null).Select(v => (string)v!["name"]!).ToHashSet();
            var writable = container["volumeMounts"]!.AsArray().Where(m => m!["readOnly"] is null).Select(m => (string)m!["name"]!);
            Assert.Subset(emptyDirs, writable.ToHashSet());
            Assert.Contains(container["volumeMounts"]!.AsArray(), m => (string?)m!["mountPath"] == "/tmp");
            Assert.Equal($"{ChartMatrix.Release}-settings", (string?)deployment.Json["spec"]!["template"]!["metadata"]!["annotations"]!["dapr.io/app-token-secret"]);
        }
    }

    private static RenderedObject Single(IReadOnlyList<RenderedObject> objects, string kind, string name) =>
        Assert.Single(objects, o => o.Kind == kind && o.Name == name);

    [GeneratedRegex(@"proxy_pass http://(?<target>[^;/]+);")]
    private static partial Regex ProxyPass();

    [GeneratedRegex(@"proxy_set_header Host (?<host>[^;]+);")]
    private static partial Regex HostHeader();
}
