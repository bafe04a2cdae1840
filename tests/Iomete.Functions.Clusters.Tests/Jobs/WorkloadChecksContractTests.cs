using System.Net;
using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.Tests.Jobs;

/// <summary>A platform with an event-log folder, a global docker tag alias and a third namespace that tests map to a bundle.</summary>
public sealed class WorkloadChecksFixture : JobsFixture
{
    public const string EventLogDirectory = "s3a://lakehouse/iomete-assets/spark-history/";
    public const string MappedNamespace = "team-x";

    protected override Task<Dictionary<string, string?>?> DatabaseSettingsAsync() => Task.FromResult<Dictionary<string, string?>?>(new()
    {
        ["Iomete:Clusters:SparkEventLogDirectory"] = EventLogDirectory,
        ["Iomete:Clusters:Namespaces:2"] = MappedNamespace,
        ["Iomete:Clusters:TagAliases:stable"] = "3.5.5-global",
    });
}

/// <summary>
/// Contract tests of the checks every workload shares (namespaces, secret references, image aliases) and of the event log
/// of job runs, seen through the API and the SparkApplications sent to the Kubernetes stand-in.
/// </summary>
public sealed class WorkloadChecksContractTests(WorkloadChecksFixture fixture) : IClassFixture<WorkloadChecksFixture>
{
    private const string Console = JobsFixture.Console;
    private const string Compute = $"/api/v2/domains/{JobsFixture.Domain}/compute";

    private static object Secret(string variable, string key) =>
        new { key = variable, secretObject = new { key, source = new { type = "KUBERNETES", id = JobsFixture.Domain } } };

    private static JsonObject Spec(JsonObject app) => app["spec"]!.AsObject();

    [Fact]
    public async Task ComputeCreate_WithAnUnknownSecretKey_Is400NamingIt_AndNothingIsCreated()
    {
        var name = JobsFixture.Unique("cc");
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Compute, new
        {
            name, resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small",
            envSecrets = new[] { Secret("DB_PASS", "no-such-key") },
        });
        Assert.Contains("envSecrets", problem.ErrorFields());
        Assert.Contains("no-such-key", problem.GetRawText(), StringComparison.Ordinal);
        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Compute}?search={name}");
        Assert.DoesNotContain(name, list.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobCreateAndUpdate_WithAnUnknownSecretKey_Are400NamingIt()
    {
        var body = fixture.Body(template: new() { ["sparkConfSecrets"] = new[] { Secret("spark.hadoop.fs.s3a.secret.key", "missing-s3") } });
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Console, body);
        Assert.Contains("template.sparkConfSecrets", problem.ErrorFields());
        Assert.Contains("missing-s3", problem.GetRawText(), StringComparison.Ordinal);

        var job = await fixture.CreateAsync(fixture.Body());
        var update = fixture.Body(name: job.Str("name"), template: new() { ["envSecrets"] = new[] { Secret("TOKEN", "missing-token") } });
        var refused = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, $"{Console}/{job.Str("id")}", update);
        Assert.Contains("missing-token", refused.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobImageAlias_IsStoredAsWritten_AndEachRunCarriesTheAliasResolvedWhenItStarts()
    {
        var alias = "rel" + Guid.NewGuid().ToString("N")[..6];
        var aliases = $"/api/v1/domains/{JobsFixture.Domain}/docker/tag-aliases";
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, aliases, new { alias, value = "1.0" });
        var image = "repo/spark:${" + alias + "}";
        var job = await fixture.CreateAsync(fixture.Body(template: new() { ["image"] = image }, extra: new() { ["concurrency"] = "ALLOW" }));
        Assert.Equal(image, job.GetProperty("template").Str("image"));

        var first = await fixture.RunAsync(job.Str("id"));
        Assert.Equal("repo/spark:1.0", Spec(fixture.Kube.CreatedBody("run-" + first.Str("id"))!)["image"]!.GetValue<string>());

        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{aliases}/{alias}", new { value = "2.0" });
        var second = await fixture.RunAsync(job.Str("id"));
        Assert.Equal("repo/spark:2.0", Spec(fixture.Kube.CreatedBody("run-" + second.Str("id"))!)["image"]!.GetValue<string>());

        var global = await fixture.CreateAsync(fixture.Body(template: new() { ["image"] = "repo/spark:${stable}" }));
        var third = await fixture.RunAsync(global.Str("id"));
        Assert.Equal("repo/spark:3.5.5-global", Spec(fixture.Kube.CreatedBody("run-" + third.Str("id"))!)["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImageWithAnUnknownAlias_Is400AtWriteTime_ForJobsAndCompute()
    {
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Console,
            fixture.Body(template: new() { ["image"] = "repo/spark:${nope}" }));
        Assert.Contains("template.image", problem.ErrorFields());
        Assert.Contains("${nope}", problem.GetRawText(), StringComparison.Ordinal);
        var compute = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Compute, new
        {
            name = JobsFixture.Unique("cc"), resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small",
            image = "repo/spark:${nope}",
        });
        Assert.Contains("image", compute.ErrorFields());
    }

    [Fact]
    public async Task JobInANamespaceMappedToABundleTheUserCannotUse_Is403_UntilUseIsGranted()
    {
        var (memberId, member) = await fixture.UserAsync("member", "CREATE_SPARK_JOB", "CREATE_RESOURCE_BUNDLE");
        using (member)
        {
            var own = await member.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
                new { name = JobsFixture.Unique("mine"), domain = JobsFixture.Domain, owner = new { id = memberId, type = "USER" } });
            var nsBundle = await fixture.NewBundleAsync();
            await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/namespaces/{WorkloadChecksFixture.MappedNamespace}",
                new { resourceBundleId = nsBundle });
            var body = fixture.Body(extra: new() { ["bundleId"] = own.Str("id"), ["namespace"] = WorkloadChecksFixture.MappedNamespace });

            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Console, body);
            var unknown = await member.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Console,
                fixture.Body(extra: new() { ["bundleId"] = own.Str("id"), ["namespace"] = "elsewhere" }));
            Assert.Contains("namespace", unknown.ErrorFields());
            Assert.Contains(WorkloadChecksFixture.MappedNamespace, unknown.GetRawText(), StringComparison.Ordinal);

            await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{nsBundle}/permissions",
                new { actorId = memberId, actorType = "USER", permissions = new Dictionary<string, string[]> { ["NAMESPACE"] = ["USE"] } });
            var created = await member.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Console, body);
            Assert.Equal(WorkloadChecksFixture.MappedNamespace, created.Str("namespace"));
        }
    }

    [Fact]
    public async Task SparkRun_WritesAnEventLog_AndItsViewLinksTheHistoryServer()
    {
        var job = await fixture.CreateAsync(fixture.Body());
        var run = await fixture.RunAsync(job.Str("id"));
        var conf = Spec(fixture.Kube.CreatedBody("run-" + run.Str("id"))!)["sparkConf"]!;
        Assert.Empty(fixture.Kube.Errors);
        Assert.Equal("true", conf["spark.eventLog.enabled"]!.GetValue<string>());
        Assert.Equal(WorkloadChecksFixture.EventLogDirectory, conf["spark.eventLog.dir"]!.GetValue<string>());
        var appId = conf["spark.app.id"]!.GetValue<string>();
        Assert.StartsWith($"j-{run.Str("id")}-", appId, StringComparison.Ordinal);
        Assert.Equal($"/spark-history/history/{appId}", run.Str("sparkHistoryUrl"));
        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Console}/{job.Str("id")}/runs/{run.Str("id")}");
        Assert.Equal($"/spark-history/history/{appId}", read.Str("sparkHistoryUrl"));
    }
}
