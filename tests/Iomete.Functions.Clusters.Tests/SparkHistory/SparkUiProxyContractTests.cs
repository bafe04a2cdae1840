using System.Net;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.Tests.DataPlane;
using Iomete.Functions.Clusters.Tests.Jupyter;
using Iomete.Platform.Security;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.SparkHistory;

/// <summary>
/// Contract tests: /spark-history and /spark-ui against stand-in Spark UIs and the Kubernetes stand-in; who sees which
/// application is decided by VIEW on the compute cluster or Spark job its id names.
/// </summary>
public sealed class SparkUiProxyContractTests : IAsyncLifetime
{
    private FakeKubeApiServer kube = null!;
    private FakeSparkUi history = null!;
    private FakeSparkUi driver = null!;
    private LocalPlatform platform = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        kube = await FakeKubeApiServer.StartAsync();
        history = await FakeSparkUi.StartAsync("history");
        driver = await FakeSparkUi.StartAsync("driver");
        platform = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Kubernetes:ApiServer"] = kube.Address.ToString(),
            ["Iomete:Clusters:Namespaces:0"] = "spark",
            ["Iomete:Clusters:SparkHistoryUrl"] = history.Address.ToString(),
            ["Iomete:Clusters:SparkUiDriverPort"] = driver.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        admin = await platform.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await platform.DisposeAsync();
        await driver.DisposeAsync();
        await history.DisposeAsync();
        await kube.DisposeAsync();
    }

    /// <summary>A compute cluster id placed in a new bundle, and a member who holds VIEW on that bundle's compute clusters.</summary>
    private async Task<(string ComputeId, HttpClient Viewer, HttpClient Other)> ViewerAsync()
    {
        var me = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = (await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = JupyterFixture.Unique("compute"), domain = "default", owner = new { id = me.Str("id"), type = "USER" } })).Str("id");
        var computeId = Guid.CreateVersion7().ToString();
        var registry = platform.Services.GetRequiredService<IAssetRegistry>();
        var adminCaller = new Caller(me.Str("id"), "admin", UserType.Person, true, new HashSet<AdminRole>(), new HashSet<string>(), null);
        await registry.RegisterAsync(adminCaller, "default", bundle, AssetType.Compute, computeId, CancellationToken.None);
        var viewer = await UserAsync("viewer");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
            new { actorId = viewer.Id, actorType = "USER", permissions = new Dictionary<string, string[]> { ["COMPUTE"] = ["VIEW"] } });
        var other = await UserAsync("other");
        return (computeId, viewer.Client, other.Client);
    }

    private async Task<(string Id, HttpClient Client)> UserAsync(string prefix)
    {
        var username = JupyterFixture.Unique(prefix);
        var user = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "T", lastName = "U", password = JupyterFixture.UserPassword });
        return (user.Str("id"), await platform.LoginAsync(username, JupyterFixture.UserPassword));
    }

    [Fact]
    public async Task Anonymous_Gets401ProblemJson_OnBothProxies()
    {
        using var anonymous = platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, "/spark-history/");
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, "/spark-ui/c-x-1/jobs/");
        Assert.Empty(history.Requests);
    }

    [Fact]
    public async Task History_ShowsAnApplicationToWhoeverMayViewItsCluster_AndTheListToAdminsOnly()
    {
        var (computeId, viewer, other) = await ViewerAsync();
        var appId = SparkAppIds.For(ManagedResourceType.Compute, computeId, DateTimeOffset.UtcNow);
        var foreignApp = SparkAppIds.For(ManagedResourceType.Compute, Guid.CreateVersion7().ToString(), DateTimeOffset.UtcNow);
        using (viewer)
        using (other)
        {
            var page = await viewer.SendRawAsync(HttpMethod.Get, $"/spark-history/history/{appId}/jobs/?id=3");
            using (page.Response)
            {
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Equal($"<html>history /history/{appId}/jobs/?id=3</html>", page.Text);
                Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
            }
            foreach (var path in new[] { $"/spark-history/api/v1/applications/{appId}/jobs", "/spark-history/static/webui.css" })
            {
                var (status, _, response) = await viewer.SendRawAsync(HttpMethod.Get, path);
                response.Dispose();
                Assert.Equal(HttpStatusCode.OK, status);
            }
            await viewer.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"/spark-history/history/{foreignApp}/jobs/");
            await viewer.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, "/spark-history/");
            await viewer.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, "/spark-history/history/app-20261128-0001/jobs/");
            await other.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"/spark-history/history/{appId}/jobs/");
        }
        Assert.DoesNotContain(history.Requests, r => r.Contains(foreignApp, StringComparison.Ordinal));
        var list = await admin.SendRawAsync(HttpMethod.Get, "/spark-history/api/v1/applications?status=completed");
        using (list.Response)
            Assert.Equal("<html>history /api/v1/applications?status=completed</html>", list.Text);

        // Spark's own redirect to its absolute address comes back as the public path.
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.BaseAddress };
        noRedirects.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        using var redirect = await noRedirects.GetAsync(new Uri($"/spark-history/history/{appId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/spark-history/history/{appId}/jobs/", redirect.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SparkUi_ProxiesToTheRunningDriver_OnlyForViewers_And409WhenItIsNotRunning()
    {
        var (computeId, viewer, other) = await ViewerAsync();
        var appId = SparkAppIds.For(ManagedResourceType.Compute, computeId, DateTimeOffset.UtcNow);
        using (viewer)
        using (other)
        {
            var notRunning = await viewer.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Get, $"/spark-ui/{appId}/jobs/");
            Assert.Contains($"/spark-history/history/{appId}/", notRunning.Str("detail"), StringComparison.Ordinal);
            kube.SetPod("spark", "cc-x-driver", new Dictionary<string, string>
            {
                [ManifestLabels.SparkRole] = "driver", [ManifestLabels.ResourceId] = computeId, ["spark-app-selector"] = appId,
            }, null, ip: "127.0.0.1");
            var page = await viewer.SendRawAsync(HttpMethod.Get, $"/spark-ui/{appId}/jobs/?x=1");
            using (page.Response)
                Assert.Equal("<html>driver /jobs/?x=1</html>", page.Text);
            await other.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"/spark-ui/{appId}/jobs/");
            await viewer.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, "/spark-ui/spark-123/jobs/");
        }
    }

    [Fact]
    public async Task AdminRoutes_DeployAndRemoveTheHistoryServer_ForComputeAdminsOnly()
    {
        await admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, "/api/v1/admin/spark-history-server");
        var (_, viewer, other) = await ViewerAsync();
        using (viewer)
        using (other)
        {
            await viewer.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, "/api/v1/admin/spark-history-server");
            await viewer.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, "/api/v1/admin/spark-history-server");
        }
        var status = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/spark-history-server");
        Assert.False(status.GetProperty("deployed").GetBoolean());
    }
}
