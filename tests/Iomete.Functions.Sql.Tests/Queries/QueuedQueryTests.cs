using System.Net;
using Iomete.Functions.Sql.Tests.Support;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Queries;

/// <summary>With one slot, a second query waits SUBMITTED and can be cancelled before it starts (stand-in engine).</summary>
public sealed class QueuedQueryTests
{
    [Fact]
    public async Task AQueuedQuery_WaitsForASlot_AndCancellingItBeforeItStartsEndsCancelled()
    {
        var fixture = new SqlFixture();
        await using var platform = await fixture.StartAsync(new() { ["Iomete:Sql:MaxConcurrentQueries"] = "1" });
        using var admin = await platform.LoginAsync();
        var body = new { query = "SELECT count(*) FROM range(1000000000000)", computeCluster = "local" }; // minutes of work: it must still run when the second query is checked
        var first = (await admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl, body)).Str("id");
        await PollAsync(admin, first, TimeSpan.FromSeconds(10), "RUNNING");
        var second = (await admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl, new { query = "SELECT 1", computeCluster = "local" })).Str("id");

        await Task.Delay(300);
        Assert.Equal("SUBMITTED", (await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{second}")).Str("status"));
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}/{second}/cancel");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}/{first}/cancel");

        Assert.Equal("CANCELLED", (await PollAsync(admin, first, TimeSpan.FromSeconds(5), "CANCELLED")).Str("status"));
        var queued = await PollAsync(admin, second, TimeSpan.FromSeconds(5), "CANCELLED");
        Assert.Equal("CANCELLED", queued.Str("status"));
        Assert.False(queued.TryGetProperty("statementKind", out _));
        var next = await RunAsync(admin, "SELECT 2 AS two");
        Assert.Equal("COMPLETED", next.Str("status"));
    }
}
