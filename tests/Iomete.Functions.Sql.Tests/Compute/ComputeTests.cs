using System.Net;
using Iomete.Functions.Sql.Tests.Support;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Compute;

/// <summary>
/// The embedded compute 'local' and its settings, which reach new sessions of the (stand-in) engine. Users reach it through the
/// cluster service's compute routes, which call the SQL service's own route with the caller's credentials.
/// </summary>
public sealed class ComputeTests(SqlFixture fixture) : IClassFixture<SqlFixture>
{
    private const string Compute = $"/api/v2/domains/{Domain}/compute";
    private const string SqlLocal = $"/api/v1/domains/{Domain}/sql/compute/local";

    [Fact]
    public async Task TheLocalCompute_IsListedActive_WithDuckDbAndDefaultSettings()
    {
        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Compute);
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        var local = list.GetProperty("items")[0];
        Assert.Equal("local", local.Str("name"));
        Assert.Equal("LOCAL", local.Str("kind"));
        Assert.Equal("ACTIVE", local.Str("status"));
        Assert.Equal("duckdb", local.GetProperty("driver").Str("nodeType"));
        var one = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Compute}/local");
        Assert.Equal("local", one.Str("name"));
        var own = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, SqlLocal);
        Assert.Equal("duckdb", own.Str("driver"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{Compute}/spark-1");
    }

    [Fact]
    public async Task UpdatingSettings_IsValidated_AdminOnly_AndReachesNewSessions()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Compute}/local", new { threads = 0 });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Compute}/local", new { memoryLimit = "lots" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, SqlLocal, new { threads = 0 });
        var (_, username, userClient) = await fixture.UserAsync("plain");
        using var user = userClient;
        await fixture.GrantDomainAsync(username, "EXPORT_SQL_EDITOR");
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Compute}/local");
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{Compute}/local", new { threads = 2 });
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, SqlLocal, new { threads = 2 });

        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Compute}/local", new { threads = 2, memoryLimit = "512MB" });
        Assert.Equal(2, updated.GetProperty("settings").GetProperty("threads").GetInt32());
        Assert.Equal("512MB", updated.GetProperty("settings").Str("memoryLimit"));
        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Compute}/local");
        Assert.Equal(2, read.GetProperty("settings").GetProperty("threads").GetInt32());

        await RunAsync(fixture.Admin, "SELECT 1");
        var last = fixture.Engine.Opened.Last();
        Assert.Equal(2, last.Threads);
        Assert.Equal("512MB", last.MemoryLimit);
    }
}
