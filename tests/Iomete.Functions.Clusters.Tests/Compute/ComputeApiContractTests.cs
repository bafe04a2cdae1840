using System.Net;
using System.Text.Json;
using static Iomete.Functions.Clusters.Tests.Compute.ComputeFixture;

namespace Iomete.Functions.Clusters.Tests.Compute;

/// <summary>
/// Contract tests of the compute API around the lifecycle, against the Kubernetes stand-in: access rules, the SQL
/// endpoint, the list with 'local', and the diagnostics, connections and configuration tabs.
/// </summary>
public sealed class ComputeApiContractTests(ComputeFixture fixture) : IClassFixture<ComputeFixture>
{
    private const string SqlEndpoint = $"/api/v1/internal/clusters/domains/{Domain}/compute";

    [Fact]
    public async Task Anonymous_Gets401ProblemJson_AndAPlainUser_Gets403()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, Root);
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, Root, new { name = "x" });
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, $"{SqlEndpoint}/local/sql-endpoint");

        var id = (await fixture.CreateAsync()).Str("id");
        var (_, plain) = await fixture.UserAsync("plain", "EXPORT_SQL_EDITOR");
        using (plain)
        {
            await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root,
                new { name = Unique("cc"), resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small" });
            await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{id}");
            await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{id}/terminate");
            await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Delete, $"{Root}/{id}");
            var list = await plain.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
            Assert.Equal(["local"], list.GetProperty("items").EnumerateArray().Select(c => c.Str("name")));
        }
        var (_, outsider) = await fixture.UserAsync("outsider");
        using (outsider)
        {
            await outsider.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Root);
        }
    }

    [Fact]
    public async Task TheSqlEndpoint_RequiresConsume_AndAnswersTheDriverServiceHost()
    {
        var created = await fixture.CreateAsync();
        var id = created.Str("id");
        var name = created.Str("name");
        var (userId, user) = await fixture.UserAsync("sql", "EXPORT_SQL_EDITOR");
        using (user)
        {
            await fixture.GrantAsync(userId, "VIEW");
            await user.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{SqlEndpoint}/{id}/sql-endpoint");
            await fixture.GrantAsync(userId, "CONSUME");
            var endpoint = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SqlEndpoint}/{name}/sql-endpoint");
            Assert.Equal(id, endpoint.Str("id"));
            Assert.Equal("SPARK", endpoint.Str("kind"));
            Assert.Equal("STARTING", endpoint.Str("status"));
            Assert.Equal($"{App(id)}-endpoints.{Namespace}.svc.cluster.local", endpoint.Str("host"));
            Assert.Equal(15002, endpoint.GetProperty("sparkConnectPort").GetInt32());
            var local = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SqlEndpoint}/local/sql-endpoint");
            Assert.Equal("LOCAL", local.Str("kind"));
            Assert.Equal("ACTIVE", local.Str("status"));
            Assert.Equal(JsonValueKind.Null, local.GetProperty("host").ValueKind);
            await user.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"{SqlEndpoint}/no-such-cluster/sql-endpoint");
        }
    }

    [Fact]
    public async Task TheList_ShowsLocalFirst_ThenSparkClusters_WithFiltersAndPaging()
    {
        var created = await fixture.CreateAsync(Unique("listed"));
        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root + "?limit=1000");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("local", items[0].Str("name"));
        Assert.Equal("LOCAL", items[0].Str("kind"));
        Assert.Contains(items, c => c.Str("id") == created.Str("id") && c.Str("kind") == "SPARK");
        Assert.Equal(items.Count, all.GetProperty("total").GetInt64());

        var second = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root + "?offset=1&limit=1");
        Assert.Equal(items[1].Str("id"), second.GetProperty("items")[0].Str("id"));
        var starting = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root + "?status=STARTING&limit=1000");
        Assert.All(starting.GetProperty("items").EnumerateArray(), c => Assert.Equal("STARTING", c.Str("status")));
        var byNamespace = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root + $"?namespace={Namespace}&search={created.Str("name")}");
        Assert.Equal([created.Str("id")], byNamespace.GetProperty("items").EnumerateArray().Select(c => c.Str("id")));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, Root + "?status=SLEEPING");
        // By name as well as by id.
        Assert.Equal(created.Str("id"), (await fixture.GetAsync(created.Str("name"))).Str("id"));
    }

    [Fact]
    public async Task Create_IsValidated_AndNamesAreUniquePerDomain()
    {
        var name = Unique("dup");
        await fixture.CreateAsync(name);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Root,
            new { name, resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small" });
        foreach (var bad in new object[]
                 {
                     new { name = "Bad_Name", resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small" },
                     new { name = "a" + new string('b', 53), resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small" },
                     new { name = "local", resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small" },
                     new { name = Unique("v"), resourceBundleId = fixture.BundleId, driverType = "exec-small", executorType = "exec-small" },
                     new { name = Unique("v"), resourceBundleId = fixture.BundleId, driverType = "driver-small" },
                     new { name = Unique("v"), resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small", minExecutors = 3, maxExecutors = 2 },
                     new { name = Unique("v"), resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small", @namespace = "elsewhere" },
                     new { name = Unique("v"), resourceBundleId = fixture.BundleId, driverType = "driver-small", executorType = "exec-small", autoSuspendSeconds = 20000 },
                     new { name = Unique("v"), driverType = "driver-small", executorType = "exec-small" },
                 })
        {
            await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root, bad);
        }
        var disabled = await fixture.CreateAsync(extra: new() { ["autoSuspendSeconds"] = null });
        // Null (disabled) is left out of the answer, as every null member is.
        Assert.False(disabled.TryGetProperty("autoSuspendSeconds", out var suspend) && suspend.ValueKind != JsonValueKind.Null);
        var defaulted = await fixture.CreateAsync();
        Assert.Equal(1800, defaulted.GetProperty("autoSuspendSeconds").GetInt32());
        Assert.Equal(0, defaulted.GetProperty("minExecutors").GetInt32());
        Assert.Equal("iomete/spark-py:3.5.5-v1", defaulted.Str("image"));
    }

    [Fact]
    public async Task Diagnostics_Connections_AndTheEffectiveConfiguration_AreShown()
    {
        var id = (await fixture.CreateAsync(extra: new()
        {
            ["sparkConf"] = new Dictionary<string, string> { ["spark.hadoop.fs.s3a.access.token"] = "plain-token", ["spark.sql.adaptive.enabled"] = "true" },
        })).Str("id");
        var events = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/events");
        Assert.Equal(2, events.GetProperty("total").GetInt32());
        Assert.Equal(1, events.GetProperty("warnings").GetInt32());
        Assert.Contains($"events {Namespace}/{App(id)} + {App(id)}-driver", fixture.Diagnostics.Asked);

        var (status, text, response) = await fixture.Admin.SendRawAsync(HttpMethod.Get, $"{Root}/{id}/logs?tailLines=100&since=5m&download=true");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.StartsWith($"driver log of {App(id)}-driver", text, StringComparison.Ordinal);
            Assert.Contains("spark-driver-logs.txt", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        }
        Assert.Contains($"log {Namespace}/{App(id)}-driver tail=100 since=300", fixture.Diagnostics.Asked);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}/{id}/logs?since=soon");

        var connections = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/connections");
        var host = $"{App(id)}-endpoints.{Namespace}.svc.cluster.local";
        var urls = connections.GetProperty("connections").EnumerateArray().ToDictionary(c => c.Str("protocol"), c => c.Str("url"));
        Assert.Equal($"jdbc:hive2://{host}:10000/default;transportMode=http;httpPath=cliservice", urls["JDBC"]);
        Assert.Equal($"sc://{host}:15002", urls["SPARK_CONNECT"]);
        Assert.Equal($"grpc://{host}:33333", urls["ARROW_FLIGHT"]);

        var configuration = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/configuration");
        var conf = configuration.GetProperty("sparkConf");
        Assert.Equal("*****", conf.Str("spark.hadoop.fs.s3a.access.token"));
        Assert.Equal("true", conf.Str("spark.sql.adaptive.enabled"));
        Assert.Equal("2", conf.Str("spark.driver.cores"));
        Assert.Equal("true", conf.Str("spark.iomete.server.startSparkConnectServer"));
        Assert.DoesNotContain("plain-token", configuration.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLocalCluster_IsReadAndConfigured_ThroughTheSqlService()
    {
        var local = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/local");
        Assert.Equal("LOCAL", local.Str("kind"));
        Assert.Equal(["configure"], local.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root}/local", new { threads = 3, memoryLimit = "1GB" });
        Assert.Equal(3, updated.GetProperty("settings").GetProperty("threads").GetInt32());
        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/local");
        Assert.Equal("1GB", read.GetProperty("settings").Str("memoryLimit"));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, $"{Root}/local", new { threads = 0 });
        var start = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{Root}/local/start");
        Assert.Contains("ACTIVE", start.Str("detail"), StringComparison.Ordinal);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Delete, $"{Root}/local");
        var (_, plain) = await fixture.UserAsync("local", "EXPORT_SQL_EDITOR");
        using (plain)
        {
            await plain.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/local");
            await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, $"{Root}/local", new { threads = 2 });
        }
    }
}
