using System.Net;
using Iomete.Testing;

namespace Iomete.Functions.Clusters.Tests.Compute;

/// <summary>Without a Kubernetes data plane: Spark clusters are refused with what to configure; 'local' keeps working.</summary>
public sealed class ComputeWithoutDataPlaneTests : IAsyncLifetime
{
    private LocalPlatform platform = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        platform = await LocalPlatform.StartAsync();
        admin = await platform.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task CreatingASparkCluster_Answers409DataPlaneNotConfigured_AndCreatesNothing_WhileLocalWorks()
    {
        var me = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = ComputeFixture.Unique("b"), domain = ComputeFixture.Domain, owner = new { id = me.Str("id"), type = "USER" } });
        var problem = await admin.ExpectProblemAsync(HttpStatusCode.Conflict, "DATA_PLANE_NOT_CONFIGURED", HttpMethod.Post, ComputeFixture.Root,
            new { name = "spark-1", resourceBundleId = bundle.Str("id"), driverType = "driver-small", executorType = "exec-small" });
        Assert.Contains("Iomete:Kubernetes:ApiServer", problem.Str("detail"), StringComparison.Ordinal);

        var list = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, ComputeFixture.Root);
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal("local", list.GetProperty("items")[0].Str("name"));
        await admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{ComputeFixture.Root}/spark-1");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{ComputeFixture.Root}/local", new { threads = 2 });
        var endpoint = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"/api/v1/internal/clusters/domains/{ComputeFixture.Domain}/compute/local/sql-endpoint");
        Assert.Equal("LOCAL", endpoint.Str("kind"));
    }
}
