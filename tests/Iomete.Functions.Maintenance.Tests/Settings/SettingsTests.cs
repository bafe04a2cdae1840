using System.Net;
using Iomete.Functions.Maintenance.Tests.Support;

namespace Iomete.Functions.Maintenance.Tests.Settings;

public sealed class SettingsTests(MaintenanceFixture fixture) : IClassFixture<MaintenanceFixture>
{
    private const string CatalogUrl = $"/api/v1/admin/compaction/catalogs/{MaintenanceFixture.Catalog}";

    [Fact]
    public async Task CatalogSettings_NeverSaved_AreDisabledWithDefaults()
    {
        var settings = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/compaction/catalogs/never_saved");

        Assert.False(settings.GetProperty("enabled").GetBoolean());
        Assert.Equal(134217728, settings.GetProperty("rewriteDataFiles").GetProperty("targetFileSizeBytes").GetInt64());
        Assert.Equal("0 0 * * 7", settings.GetProperty("removeOrphanFiles").GetProperty("schedule").GetString());
        Assert.Equal(3, settings.GetProperty("removeOrphanFiles").GetProperty("olderThanDays").GetInt32());
        Assert.Equal(30, settings.GetProperty("removeOrphanFiles").GetProperty("maxOrphanRatioPercent").GetInt32());
    }

    [Fact]
    public async Task CatalogSettings_Saved_AreReadBack()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, CatalogUrl, new
        {
            enabled = false,
            rewriteDataFiles = new { minInputFiles = 7, targetFileSizeBytes = 64L * 1024 * 1024, smallFileSizeBytes = 8L * 1024 * 1024 },
            expireSnapshots = new { enabled = false, olderThanDays = 9, retainLast = 4 },
        });

        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, CatalogUrl);

        Assert.Equal(7, read.GetProperty("rewriteDataFiles").GetProperty("minInputFiles").GetInt32());
        Assert.Equal(8L * 1024 * 1024, read.GetProperty("rewriteDataFiles").GetProperty("smallFileSizeBytes").GetInt64());
        Assert.False(read.GetProperty("expireSnapshots").GetProperty("enabled").GetBoolean());
        Assert.Equal(4, read.GetProperty("expireSnapshots").GetProperty("retainLast").GetInt32());
        Assert.True(read.GetProperty("rewriteManifests").GetProperty("enabled").GetBoolean());
        Assert.False(string.IsNullOrEmpty(read.Str("updatedBy")));
        Assert.True(read.TryGetProperty("updatedAt", out _));
    }

    [Theory]
    [InlineData("""{"rewriteDataFiles":{"targetFileSizeBytes":1000}}""", "rewriteDataFiles.targetFileSizeBytes")]
    [InlineData("""{"rewriteDataFiles":{"targetFileSizeBytes":2097152,"smallFileSizeBytes":4194304}}""", "rewriteDataFiles.smallFileSizeBytes")]
    [InlineData("""{"rewriteDataFiles":{"minInputFiles":1}}""", "rewriteDataFiles.minInputFiles")]
    [InlineData("""{"rewriteManifests":{"minManifests":0}}""", "rewriteManifests.minManifests")]
    [InlineData("""{"expireSnapshots":{"retainLast":0}}""", "expireSnapshots.retainLast")]
    [InlineData("""{"removeOrphanFiles":{"olderThanDays":1}}""", "removeOrphanFiles.olderThanDays")]
    [InlineData("""{"removeOrphanFiles":{"maxOrphanRatioPercent":101}}""", "removeOrphanFiles.maxOrphanRatioPercent")]
    [InlineData("""{"removeOrphanFiles":{"schedule":"every sunday"}}""", "removeOrphanFiles.schedule")]
    public async Task CatalogSettings_Invalid_Answer400NamingTheField(string body, string field)
    {
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, CatalogUrl,
            System.Text.Json.JsonDocument.Parse(body).RootElement);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task CatalogSettings_OfAnUnknownCatalog_Answer404()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Put, "/api/v1/admin/compaction/catalogs/no_such_catalog", new { enabled = true });
    }

    [Fact]
    public async Task CatalogSettings_WithoutTheCatalogManagerRole_Answer403()
    {
        var user = await UserAsync();

        await user.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, CatalogUrl, new { enabled = true });
        await user.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, CatalogUrl);
    }

    [Fact]
    public async Task TableOverrides_Saved_AreMergedWithTheCatalogSettings()
    {
        var table = await fixture.TableWithInsertsAsync(1);

        var saved = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{MaintenanceFixture.TablesUrl}/{table}", new
        {
            rewriteDataFiles = new { mode = "DISABLED" },
            expireSnapshots = new { mode = "ENABLED", retainLast = 12 },
        });

        Assert.Equal("DISABLED", saved.GetProperty("overrides").GetProperty("rewriteDataFiles").GetProperty("mode").GetString());
        Assert.Equal("INHERIT", saved.GetProperty("overrides").GetProperty("removeOrphanFiles").GetProperty("mode").GetString());
        Assert.False(saved.GetProperty("effective").GetProperty("rewriteDataFiles").GetProperty("enabled").GetBoolean());
        Assert.True(saved.GetProperty("effective").GetProperty("expireSnapshots").GetProperty("enabled").GetBoolean());
        Assert.Equal(12, saved.GetProperty("effective").GetProperty("expireSnapshots").GetProperty("retainLast").GetInt32());
        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{MaintenanceFixture.TablesUrl}/{table}");
        Assert.Equal(12, read.GetProperty("overrides").GetProperty("expireSnapshots").GetProperty("retainLast").GetInt32());
    }

    [Fact]
    public async Task TableOverrides_Invalid_Answer400()
    {
        var table = await fixture.TableWithInsertsAsync(1);

        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, $"{MaintenanceFixture.TablesUrl}/{table}",
            new { removeOrphanFiles = new { mode = "ENABLED", olderThanDays = 2 } });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, $"{MaintenanceFixture.TablesUrl}/{table}",
            new { rewriteManifests = new { mode = "SOMETIMES" } });
    }

    [Fact]
    public async Task TableOverrides_OfAMissingTable_Answer404()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Put, $"{MaintenanceFixture.TablesUrl}/no_such_table", new { });
    }

    [Fact]
    public async Task TableOverrides_ForAUserWithoutAlter_Answer403()
    {
        var table = await fixture.TableWithInsertsAsync(1);
        var user = await UserAsync();

        await user.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, $"{MaintenanceFixture.TablesUrl}/{table}", new { });
        await user.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{MaintenanceFixture.TablesUrl}/{table}/runs", new { operation = "EXPIRE_SNAPSHOTS" });
    }

    private async Task<HttpClient> UserAsync()
    {
        var username = "user-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email = username + "@example.com", firstName = "Test", lastName = "User", password = "User-Password-1" });
        var bundle = (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/domains/{MaintenanceFixture.Domain}")).Str("bundleId");
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/v1/bundles/{bundle}/permissions",
            new { actorId = username, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["VIEW_DATA_CATALOG"] } });
        return await fixture.Platform.LoginAsync(username, "User-Password-1");
    }
}
