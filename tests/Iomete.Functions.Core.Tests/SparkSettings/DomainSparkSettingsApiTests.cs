using System.Net;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.SparkSettings;

/// <summary>Domain Spark settings follow the domain bundle: VIEW_SPARK_SETTINGS reads, MANAGE_SPARK_SETTINGS writes.</summary>
public sealed class DomainSparkSettingsApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    private static object Settings(string value) => new { settings = new object[] { new { key = "spark.executor.cores", value } } };

    [Fact]
    public async Task Viewers_Read_Managers_Write_OthersAreForbidden()
    {
        var (domain, bundle) = await fixture.DomainAsync("sparky");
        var (viewerId, viewer) = await fixture.UserWithIdAsync("viewer");
        var (managerId, manager) = await fixture.UserWithIdAsync("manager");
        using var outsider = await fixture.UserAsync("outsider");
        await fixture.GrantDomainAsync(bundle, viewerId, "VIEW_SPARK_SETTINGS");
        await fixture.GrantDomainAsync(bundle, managerId, "VIEW_SPARK_SETTINGS", "MANAGE_SPARK_SETTINGS");
        var path = $"/api/v1/domains/{domain}/spark-settings";

        using (viewer)
        using (manager)
        {
            await manager.PutJsonAsync(path, Settings("4"), HttpStatusCode.OK);
            Assert.Equal("4", (await viewer.GetJsonAsync(path)).GetProperty("settings")[0].Str("value"));
            await viewer.PutJsonAsync(path, Settings("8"), HttpStatusCode.Forbidden);
            await outsider.GetJsonAsync(path, HttpStatusCode.Forbidden);
            Assert.Equal("4", (await manager.GetJsonAsync(path)).GetProperty("settings")[0].Str("value"));
        }
    }

    [Fact]
    public async Task UnknownDomain_Is404()
    {
        await fixture.Admin.GetJsonAsync("/api/v1/domains/no-such-domain/spark-settings", HttpStatusCode.NotFound);
    }
}
