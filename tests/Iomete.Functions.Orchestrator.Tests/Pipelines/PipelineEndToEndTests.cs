using System.Net;
using Iomete.Testing;

namespace Iomete.Functions.Orchestrator.Tests.Pipelines;

/// <summary>Pipelines of real SQL jobs of the clusters service (applicationType sql, run on the embedded engine).</summary>
public sealed class PipelineEndToEndTests(PipelinesFixture fixture) : IClassFixture<PipelinesFixture>
{
    private const string Root = PipelinesFixture.Root;

    [Fact]
    public async Task TwoSqlJobs_RunInDependencyOrder_AndThePipelineCompletes()
    {
        var database = await fixture.DatabaseAsync();
        var create = await fixture.SqlJobAsync("CREATE TABLE numbers (id BIGINT); INSERT INTO numbers VALUES (1), (2)", database);
        var count = await fixture.SqlJobAsync("SELECT count(*) AS n FROM numbers", database);
        var pipeline = await fixture.CreateAsync(fixture.Body(nodes:
        [
            new { key = "create", jobId = create },
            new { key = "count", jobId = count, dependsOn = new[] { new { node = "create" } } },
        ]));

        var run = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/{pipeline.Str("id")}/runs", new { });
        var detail = await fixture.WaitForRunAsync(pipeline.Str("id"), run.Str("id"));

        Assert.True(detail.GetProperty("run").Str("state") == "COMPLETED", detail.GetRawText());
        var nodes = detail.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.Str("key"));
        Assert.All(nodes.Values, n => Assert.Equal("COMPLETED", n.Str("state")));
        Assert.True(nodes["count"].GetProperty("startedAt").GetDateTimeOffset() >= nodes["create"].GetProperty("endedAt").GetDateTimeOffset());
    }
}
