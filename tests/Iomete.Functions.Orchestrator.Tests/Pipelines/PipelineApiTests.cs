using System.Net;
using Iomete.Testing;
using System.Text.Json;

namespace Iomete.Functions.Orchestrator.Tests.Pipelines;

public sealed class PipelineApiTests(PipelinesFixture fixture) : IClassFixture<PipelinesFixture>
{
    private const string Root = PipelinesFixture.Root;

    private object[] Diamond() =>
    [
        new { key = "extract", jobId = fixture.GoodJob },
        new { key = "clean", jobId = fixture.GoodJob, dependsOn = new[] { new { node = "extract" } } },
        new { key = "audit", jobId = fixture.BadJob, dependsOn = new[] { new { node = "extract", condition = "ON_SUCCESS" } } },
        new { key = "publish", jobId = fixture.GoodJob, dependsOn = new[] { new { node = "clean" }, new { node = "audit" } } },
        new { key = "alert", jobId = fixture.GoodJob, dependsOn = new[] { new { node = "audit", condition = "ON_FAILURE" } } },
    ];

    [Fact]
    public async Task Pipeline_CanBeCreatedReadListedUpdatedAndDeleted()
    {
        var name = PipelinesFixture.Unique("crud");
        var created = await fixture.CreateAsync(fixture.Body(name, Diamond(), new { day = "2026-11-28" }));
        var id = created.Str("id");
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.Equal(5, created.GetProperty("nodes").GetArrayLength());
        Assert.Equal("ON_FAILURE", created.GetProperty("nodes")[4].GetProperty("dependsOn")[0].Str("condition"));
        Assert.Equal("ON_SUCCESS", created.GetProperty("nodes")[1].GetProperty("dependsOn")[0].Str("condition"));

        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}");
        Assert.Equal(name, read.Str("name"));
        Assert.Equal("2026-11-28", read.GetProperty("parameters").Str("day"));

        var listed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?search={name}&sort=-createdAt");
        Assert.Equal(1, listed.GetProperty("total").GetInt64());
        Assert.Equal(id, listed.GetProperty("items")[0].Str("id"));

        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/{id}",
            new { version = 1, description = "nightly", nodes = new[] { new { key = "only", jobId = fixture.GoodJob } } });
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        Assert.Equal("nightly", updated.Str("description"));
        Assert.Equal(1, updated.GetProperty("nodes").GetArrayLength());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Root}/{id}", new { version = 1, description = "stale" });

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root}/{id}");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Root}/{id}");
    }

    [Fact]
    public async Task Create_WithACycle_Returns400NamingTheCycle()
    {
        var body = fixture.Body(nodes:
        [
            new { key = "a", jobId = fixture.GoodJob, dependsOn = new[] { new { node = "c" } } },
            new { key = "b", jobId = fixture.GoodJob, dependsOn = new[] { new { node = "a" } } },
            new { key = "c", jobId = fixture.GoodJob, dependsOn = new[] { new { node = "b" } } },
        ]);

        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root, body);

        var message = problem.GetProperty("errors").GetProperty("nodes")[0].GetString()!;
        Assert.StartsWith("the dependencies form a cycle: ", message, StringComparison.Ordinal);
        var cycle = message["the dependencies form a cycle: ".Length..].Split(" -> ");
        var edges = cycle.Zip(cycle.Skip(1), (from, to) => $"{from}->{to}").Order();
        Assert.Equal(["a->b", "b->c", "c->a"], edges);
    }

    [Theory]
    [InlineData("unknown", "depends on unknown node 'ghost'")]
    [InlineData("duplicate", "node key 'a' is used more than once")]
    [InlineData("empty", "a pipeline needs at least one node")]
    [InlineData("badkey", "node key 'Bad Key' must be")]
    public async Task Create_WithAnInvalidGraph_Returns400WithAClearMessage(string shape, string expected)
    {
        object[] nodes = shape switch
        {
            "unknown" => [new { key = "a", jobId = fixture.GoodJob, dependsOn = new[] { new { node = "ghost" } } }],
            "duplicate" => [new { key = "a", jobId = fixture.GoodJob }, new { key = "a", jobId = fixture.GoodJob }],
            "badkey" => [new { key = "Bad Key", jobId = fixture.GoodJob }],
            _ => [],
        };

        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root, fixture.Body(nodes: nodes));

        Assert.Contains(expected, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithATakenName_Returns409()
    {
        var name = PipelinesFixture.Unique("dup");
        await fixture.CreateAsync(fixture.Body(name));

        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Root, fixture.Body(name));
    }

    [Fact]
    public async Task Anonymous_Gets401ProblemJson()
    {
        using var anonymous = fixture.Platform.Anonymous();

        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, Root);
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, Root, fixture.Body());
    }

    [Fact]
    public async Task PlainUser_CannotCreateOrSeePipelines_UntilGranted()
    {
        var pipeline = await fixture.CreateAsync(fixture.Body());
        var id = pipeline.Str("id");
        var (_, outsider) = await fixture.UserAsync("outsider");
        await outsider.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root, fixture.Body());
        await outsider.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{id}");

        var (memberId, member) = await fixture.UserAsync("member", "LIST_SECRETS");
        await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root, fixture.Body());
        await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{id}");
        await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{id}/runs", new { });
        var none = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), p => p.Str("id") == id);

        await fixture.GrantAsync(memberId, "VIEW");
        await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}");
        var some = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
        Assert.Contains(some.GetProperty("items").EnumerateArray(), p => p.Str("id") == id);
        await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{id}/runs", new { });
    }

    [Fact]
    public async Task Run_ShowsTheDagWithNodeStatesAndEdges_IsIdempotentByKey_AndCanBeReRun()
    {
        var pipeline = await fixture.CreateAsync(fixture.Body(nodes: Diamond()));
        var id = pipeline.Str("id");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = PipelinesFixture.Unique("k") };

        var started = await fixture.Admin.ExpectWithHeadersAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/{id}/runs", new { parameters = new { day = "1" } }, headers);
        var again = await fixture.Admin.ExpectWithHeadersAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/runs", new { }, headers);
        Assert.Equal(started.Str("id"), again.Str("id"));
        Assert.Equal("PIPELINE", started.Str("kind"));

        var detail = await fixture.WaitForRunAsync(id, started.Str("id"));
        var nodes = detail.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.Str("key"));
        Assert.Equal(["extract", "clean", "audit", "publish", "alert"], nodes.Keys);
        Assert.Contains(detail.GetProperty("edges").EnumerateArray(),
            e => e.Str("from") == "audit" && e.Str("to") == "alert" && e.Str("condition") == "ON_FAILURE");
        Assert.Equal(5, detail.GetProperty("edges").GetArrayLength());
        Assert.NotEqual("COMPLETED", nodes["audit"].Str("state"));
        Assert.True(nodes["extract"].TryGetProperty("runId", out _));
        // 'publish' needs 'audit' (a failing job) to succeed: it is skipped whatever else happened.
        Assert.True(nodes["publish"].GetProperty("skipped").GetBoolean());
        Assert.Equal("CANCELLED", nodes["publish"].Str("state"));
        Assert.StartsWith("skipped: upstream", nodes["publish"].Str("message"), StringComparison.Ordinal);
        Assert.Contains(detail.GetProperty("run").Str("state"), new[] { "COMPLETED", "FAILED" });

        var runs = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/runs?state={detail.GetProperty("run").Str("state")}");
        Assert.Equal(1, runs.GetProperty("total").GetInt64());
        var listed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?search={pipeline.Str("name")}");
        Assert.Equal(detail.GetProperty("run").Str("state"), listed.GetProperty("items")[0].Str("lastRunState"));

        var rerun = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/{id}/runs/{started.Str("id")}/rerun");
        Assert.Equal(("RETRY", started.Str("id")), (rerun.Str("trigger"), rerun.Str("parentRunId")));
        await fixture.WaitForRunAsync(id, rerun.Str("id"));
        var retries = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/runs?trigger=retry");
        Assert.Equal(rerun.Str("id"), retries.GetProperty("items")[0].Str("id"));
    }

    [Fact]
    public async Task Run_WithAMissingParameter_Returns400()
    {
        var body = fixture.Body(nodes: [new { key = "a", jobId = fixture.GoodJob, parameters = new { arguments = new[] { "${params.day}" } } }]);
        var id = (await fixture.CreateAsync(body)).Str("id");

        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{Root}/{id}/runs", new { });

        Assert.Contains("node 'a' reads ${params.day}", problem.Str("detail"), StringComparison.Ordinal);
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/{id}/runs", new { parameters = new { day = "2026-11-28" } });
    }
}
