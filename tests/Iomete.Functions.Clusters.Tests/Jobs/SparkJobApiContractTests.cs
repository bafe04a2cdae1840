using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>The job resource through the local host (console and SDK surfaces, streaming routes), against the stand-in data plane.</summary>
public sealed class SparkJobApiContractTests(JobsFixture fixture) : IClassFixture<JobsFixture>
{
    private const string Console = JobsFixture.Console;
    private const string Sdk = JobsFixture.Sdk;

    [Fact]
    public async Task Create_Returns201_WithTheDefaultsFilledIn()
    {
        var job = await fixture.CreateAsync(fixture.Body());

        Assert.Equal("iomete-system", job.Str("namespace"));
        Assert.Equal(fixture.AdminId, job.Str("jobUser"));
        Assert.Equal("MANUAL", job.Str("jobType"));
        Assert.Equal("FORBID", job.Str("concurrency"));
        Assert.Equal("LEGACY", job.Str("flow"));
        Assert.Equal("NORMAL", job.Str("priority"));
        var template = job.GetProperty("template");
        Assert.Equal("iomete/spark-py:3.5.5-v1", template.Str("image"));
        Assert.Equal(86400, template.GetProperty("maxExecutionDurationSeconds").GetInt64());
        Assert.Equal("Never", template.GetProperty("restartPolicy").Str("type"));
        Assert.Equal(1, template.GetProperty("restartPolicy").GetProperty("onFailureRetries").GetInt32());
        Assert.Equal(5, template.GetProperty("restartPolicy").GetProperty("onSubmissionFailureRetryInterval").GetInt64());
        Assert.Equal("driver-small", template.GetProperty("instanceConfig").Str("driverType"));
        Assert.Equal(1, template.GetProperty("instanceConfig").GetProperty("executorCount").GetInt32());
        Assert.Equal(1, job.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Get_List_AndNameLookup_WorkOnBothSurfaces()
    {
        var name = JobsFixture.Unique("lookup");
        var job = await fixture.CreateAsync(fixture.Body(name, extra: new() { ["resourceTags"] = new[] { new { key = "team", value = "growth" } } }), Sdk);
        var id = job.Str("id");

        Assert.Equal(name, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{id}")).Str("name"));
        Assert.Equal(id, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}/{id}")).Str("id"));
        Assert.Equal(id, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}/name/{name}")).Str("id"));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Sdk}/name/{JobsFixture.Unique("none")}");

        var byTag = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}?tag=team:growth&search={name}");
        Assert.Equal(1, byTag.GetProperty("total").GetInt64());
        var otherTag = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Sdk}?tag=team:other&search={name}");
        Assert.Equal(0, otherTag.GetProperty("total").GetInt64());
        var streaming = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}?jobType=STREAMING&search={name}");
        Assert.Equal(0, streaming.GetProperty("total").GetInt64());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Console}?jobType=WEEKLY");
    }

    [Fact]
    public async Task Update_ReplacesTheJob_KeepsMaskedSecrets_AndAStaleVersionReturns409()
    {
        var body = fixture.Body(template: new() { ["envVars"] = new Dictionary<string, string> { ["DB_PASSWORD"] = "s3cret", ["MODE"] = "fast" } });
        var job = await fixture.CreateAsync(body);
        var id = job.Str("id");
        Assert.Equal("*****", job.GetProperty("template").GetProperty("envVars").Str("DB_PASSWORD"));
        Assert.Equal("fast", job.GetProperty("template").GetProperty("envVars").Str("MODE"));

        var changed = fixture.Body(job.Str("name"), new() { ["envVars"] = new Dictionary<string, string> { ["DB_PASSWORD"] = "*****", ["MODE"] = "slow" } },
            new() { ["description"] = "nightly", ["version"] = 1 });
        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Sdk}/{id}", changed);
        Assert.Equal("nightly", updated.Str("description"));
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
        var stored = await fixture.Platform.Services.GetRequiredService<Clusters.Jobs.SparkJobStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal("s3cret", stored!.Template.EnvVars!["DB_PASSWORD"]);
        Assert.Equal("slow", stored.Template.EnvVars["MODE"]);

        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, $"{Console}/{id}", changed);
    }

    [Fact]
    public async Task Delete_RemovesTheJob_OnBothSurfaces()
    {
        var first = (await fixture.CreateAsync(fixture.Body())).Str("id");
        var second = (await fixture.CreateAsync(fixture.Body())).Str("id");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Console}/{first}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Sdk}/{second}");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{Console}/{first}");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Delete, $"{Sdk}/{second}");
    }

    [Fact]
    public async Task DuplicateName_Returns409()
    {
        var body = fixture.Body();
        await fixture.CreateAsync(body);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Console, body);
    }

    [Fact]
    public async Task Create_WithBadFields_Returns400NamingEveryField()
    {
        var body = fixture.Body("bad name!", new()
        {
            ["applicationType"] = "jvm",
            ["mainApplicationFile"] = null,
            ["maxExecutionDurationSeconds"] = 0,
            ["restartPolicy"] = new { type = "Sometimes" },
            ["instanceConfig"] = new { driverType = "no-such-node", executorCount = 0 },
            ["envVars"] = new Dictionary<string, string> { ["BAD=NAME"] = "x" },
            ["envSecrets"] = new[] { new { key = "TOKEN", secretObject = new { key = "t", source = new { type = "VAULT", id = "v1" } } } },
        }, new() { ["namespace"] = "elsewhere", ["jobType"] = "SCHEDULED" });
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Console, body);
        var fields = problem.ErrorFields();
        foreach (var field in new[]
                 {
                     "name", "namespace", "schedule", "template.mainApplicationFile", "template.mainClass", "template.maxExecutionDurationSeconds",
                     "template.restartPolicy.type", "template.instanceConfig.driverType", "template.instanceConfig.executorCount",
                     "template.envVars", "template.envSecrets",
                 })
        {
            Assert.Contains(field, fields);
        }
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"template\":{\"applicationType\":\"r\",\"mainApplicationFile\":\"a.R\"}}", "template.applicationType")]
    [InlineData("{\"name\":\"x\",\"jobType\":\"SCHEDULED\",\"schedule\":\"every day\",\"template\":{\"applicationType\":\"python\",\"mainApplicationFile\":\"a.py\"}}", "schedule")]
    [InlineData("{\"name\":\"x\",\"schedule\":\"0 * * * *\",\"template\":{\"applicationType\":\"python\",\"mainApplicationFile\":\"a.py\"}}", "schedule")]
    [InlineData("{\"name\":\"x\",\"template\":{\"applicationType\":\"python\",\"mainApplicationFile\":\"a.py\",\"configMaps\":[{\"mountPath\":\"/etc/a\",\"key\":\"a\",\"content\":\"b\"}]}}", "template.configMaps")]
    [InlineData("{\"name\":\"x\",\"template\":{\"applicationType\":\"sql\"}}", "template.sqlScript")]
    [InlineData("{\"name\":\"x\",\"template\":{\"applicationType\":\"sql\",\"sqlScript\":\"select 1\",\"computeCluster\":\"big\"}}", "template.computeCluster")]
    [InlineData("{\"name\":\"x\"}", "template")]
    public async Task Create_WithOneBadField_Returns400NamingIt(string json, string field)
    {
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Console, json);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task ScheduledJob_StoresItsCron_AndSuspendResumeToggleIt()
    {
        var job = await fixture.CreateAsync(fixture.Body(extra: new() { ["jobType"] = "SCHEDULED", ["schedule"] = "0 2 * * *", ["concurrency"] = "ALLOW" }));
        var id = job.Str("id");
        Assert.Equal("0 2 * * *", job.Str("schedule"));
        Assert.Equal("ALLOW", job.Str("concurrency"));
        var suspended = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Console}/{id}/suspend");
        Assert.True(suspended.GetProperty("suspended").GetBoolean());
        var resumed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Console}/{id}/suspend", new { suspended = false });
        Assert.False(resumed.GetProperty("suspended").GetBoolean());
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Console}/{id}/suspend");
        Assert.False((await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Console}/{id}/resume")).GetProperty("suspended").GetBoolean());
    }

    [Fact]
    public async Task StreamingJob_IsCreatedAndReplacedOnItsRoutes_WithoutScheduleOrTimeout()
    {
        var job = await fixture.CreateAsync(fixture.Body(), JobsFixture.Streaming);
        Assert.Equal("STREAMING", job.Str("jobType"));
        Assert.False(job.GetProperty("template").TryGetProperty("maxExecutionDurationSeconds", out var limit) && limit.ValueKind != System.Text.Json.JsonValueKind.Null);
        var replaced = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{JobsFixture.Streaming}/{job.Str("id")}",
            fixture.Body(job.Str("name"), extra: new() { ["description"] = "kafka to iceberg" }));
        Assert.Equal("kafka to iceberg", replaced.Str("description"));
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, JobsFixture.Streaming,
            fixture.Body(extra: new() { ["concurrency"] = "ALLOW" }));
        Assert.Contains("concurrency", problem.ErrorFields());
    }

    [Fact]
    public async Task Anonymous_Gets401ProblemJson()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, Console);
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, Sdk, fixture.Body());
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, JobsFixture.AllRuns);
    }

    [Fact]
    public async Task PlainUser_Gets403_AndGrantsOpenTheJob()
    {
        var job = await fixture.CreateAsync(fixture.Body());
        var id = job.Str("id");
        var (_, outsider) = await fixture.UserAsync("outsider");
        using (outsider)
        {
            await outsider.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Console, fixture.Body());
            await outsider.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Console}/{id}");
        }

        var (memberId, member) = await fixture.UserAsync("member", "CREATE_SPARK_JOB", "CREATE_RESOURCE_BUNDLE");
        using (member)
        {
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Console}/{id}");
            var list = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}?search={job.Str("name")}");
            Assert.Equal(0, list.GetProperty("total").GetInt64());
            await fixture.GrantAsync(fixture.BundleId, memberId, "VIEW");
            Assert.Equal(id, (await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{id}")).Str("id"));
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Console}/{id}/runs", new { });
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Delete, $"{Console}/{id}");

            // A member may create jobs in a bundle it owns, but not with HIGH priority or as someone else.
            var own = await member.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
                new { name = JobsFixture.Unique("mine"), domain = JobsFixture.Domain, owner = new { id = memberId, type = "USER" } });
            var mine = fixture.Body(extra: new() { ["bundleId"] = own.Str("id") });
            var created = await member.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Console, mine);
            Assert.Equal(memberId, created.Str("jobUser"));
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Console,
                fixture.Body(extra: new() { ["bundleId"] = own.Str("id"), ["priority"] = "HIGH" }));
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Console,
                fixture.Body(extra: new() { ["bundleId"] = own.Str("id"), ["jobUser"] = fixture.AdminId }));
        }

        // Without a bundle, the creator's own resource bundle is taken; with none, the bundle is required.
        var (ownerId, owner) = await fixture.UserAsync("owner", "CREATE_SPARK_JOB", "CREATE_RESOURCE_BUNDLE");
        using (owner)
        {
            var defaulted = fixture.Body();
            defaulted.Remove("bundleId");
            var refused = await owner.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Console, defaulted);
            Assert.Contains("bundleId", refused.ErrorFields());
            var bundle = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
                new { name = JobsFixture.Unique("owned"), domain = JobsFixture.Domain, owner = new { id = ownerId, type = "USER" } });
            Assert.Equal(bundle.Str("id"), (await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Console, defaulted)).Str("bundleId"));
        }
    }

    [Fact]
    public async Task DomainOwner_MayCreateAHighPriorityJob()
    {
        var job = await fixture.CreateAsync(fixture.Body(extra: new() { ["priority"] = "HIGH", ["flow"] = "PRIORITY" }));
        Assert.Equal("HIGH", job.Str("priority"));
        Assert.Equal("PRIORITY", job.Str("flow"));
    }
}
