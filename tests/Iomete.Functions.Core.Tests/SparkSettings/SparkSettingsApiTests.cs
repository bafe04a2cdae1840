using System.Net;
using Iomete.Functions.Core.SparkSettings;
using Iomete.Functions.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Core.Tests.SparkSettings;

public sealed class SparkSettingsApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    private const string Global = "/api/v1/admin/spark-settings";

    [Fact]
    public async Task Global_SensitiveValues_AreRedacted_AndKeptWhenSentRedacted()
    {
        var saved = await fixture.Admin.PutJsonAsync(Global, new
        {
            settings = new object[]
            {
                new { key = "spark.executor.memory", value = "4g", sensitive = false },
                new { key = "spark.hadoop.fs.s3a.secret.key", value = "Very-Secret-1", sensitive = true },
            },
        }, HttpStatusCode.OK);
        var read = await fixture.Admin.GetJsonAsync(Global);

        foreach (var view in new[] { saved, read })
        {
            var items = view.GetProperty("settings");
            Assert.Equal("4g", items[0].Str("value"));
            Assert.Equal("*****", items[1].Str("value"));
            Assert.True(items[1].GetProperty("sensitive").GetBoolean());
        }
        Assert.DoesNotContain("Very-Secret-1", read.GetRawText(), StringComparison.Ordinal);

        await fixture.Admin.PutJsonAsync(Global, new
        {
            settings = new object[]
            {
                new { key = "spark.hadoop.fs.s3a.secret.key", value = "*****", sensitive = true },
                new { key = "spark.sql.shuffle.partitions", value = "64" },
            },
        }, HttpStatusCode.OK);
        var effective = await fixture.Platform.Services.GetRequiredService<ISparkSettings>().GetEffectiveAsync(null, CancellationToken.None);
        Assert.Equal("Very-Secret-1", effective.Single(s => s.Key == "spark.hadoop.fs.s3a.secret.key").Value);
        Assert.DoesNotContain(effective, s => s.Key == "spark.executor.memory");
    }

    [Fact]
    public async Task Global_WithBadKeys_Is400NamingThem()
    {
        var problem = await fixture.Admin.PutJsonAsync(Global, new
        {
            settings = new object[]
            {
                new { key = "not.spark", value = "1" },
                new { key = "spark.with space", value = "1" },
                new { key = "spark.ok", value = "*****", sensitive = false },
            },
        }, HttpStatusCode.BadRequest);

        Assert.Equal(["settings[0].key", "settings[1].key", "settings[2].value"], problem.ErrorFields());
    }

    [Fact]
    public async Task Global_NeedsAdministrationManager_ReadOnlyAdminMayRead()
    {
        using var reader = await fixture.UserAsync("readonly", "READ_ONLY_ADMIN");
        using var compute = await fixture.UserAsync("compute", "COMPUTE_RESOURCES_MANAGER");

        await reader.GetJsonAsync(Global);
        await reader.PutJsonAsync(Global, new { settings = Array.Empty<object>() }, HttpStatusCode.Forbidden);
        await compute.GetJsonAsync(Global, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Domain_SettingsOverrideGlobal_ForThatDomainOnly()
    {
        await fixture.Admin.PutJsonAsync("/api/v1/domains/default/spark-settings", new
        {
            settings = new object[] { new { key = "spark.domain.only", value = "d", sensitive = true } },
        }, HttpStatusCode.OK);

        var read = await fixture.Admin.GetJsonAsync("/api/v1/domains/default/spark-settings");
        Assert.Equal("*****", read.GetProperty("settings")[0].Str("value"));
        var reader = fixture.Platform.Services.GetRequiredService<ISparkSettings>();
        var inDomain = await reader.GetEffectiveAsync("default", CancellationToken.None);
        Assert.Equal(("d", SparkSettingSource.Domain), (inDomain.Single(s => s.Key == "spark.domain.only").Value, inDomain.Single(s => s.Key == "spark.domain.only").Source));
        Assert.DoesNotContain(await reader.GetEffectiveAsync("other", CancellationToken.None), s => s.Key == "spark.domain.only");
    }

    [Fact]
    public async Task Domain_PlainUserWithoutPermission_IsForbidden()
    {
        using var plain = await fixture.UserAsync("plain");

        await plain.GetJsonAsync("/api/v1/domains/default/spark-settings", HttpStatusCode.Forbidden);
        await plain.PutJsonAsync("/api/v1/domains/default/spark-settings", new { settings = Array.Empty<object>() }, HttpStatusCode.Forbidden);
    }
}
