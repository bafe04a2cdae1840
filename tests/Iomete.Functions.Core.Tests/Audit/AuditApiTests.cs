using System.Net;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.Audit;

public sealed class AuditApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    private const string Events = "/api/v1/admin/audit-events";

    [Fact]
    public async Task Mutations_AppearInTheLog_AndFiltersNarrowThem()
    {
        var name = "audited-" + Guid.NewGuid().ToString("N")[..8];
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        await fixture.Admin.PostJsonAsync("/api/v1/admin/volumes", new { name, type = "TMPFS", maxSize = "1Gi" }, HttpStatusCode.Created);
        await fixture.Admin.PostJsonAsync("/api/v1/admin/volumes", new { name, type = "TMPFS", maxSize = "1Gi" }, HttpStatusCode.Conflict);
        await fixture.Admin.DeleteJsonAsync($"/api/v1/admin/volumes/{name}", HttpStatusCode.NoContent);

        var mine = await fixture.Admin.GetJsonAsync($"{Events}?pathPrefix=/api/v1/admin/volumes&username=admin&from={Uri.EscapeDataString(since)}");
        var ours = mine.GetProperty("items").EnumerateArray().Where(e => e.Str("path").Contains(name, StringComparison.Ordinal) || e.Str("path") == "/api/v1/admin/volumes").ToList();
        Assert.True(ours.Count >= 3, mine.GetRawText());
        Assert.Equal("DELETE", ours[0].Str("method"));
        Assert.Equal("core-volumes-delete", ours[0].Str("function"));

        var failed = await fixture.Admin.GetJsonAsync($"{Events}?pathPrefix=/api/v1/admin/volumes&success=false&method=post&from={Uri.EscapeDataString(since)}");
        Assert.All(failed.GetProperty("items").EnumerateArray(), e =>
        {
            Assert.Equal("POST", e.Str("method"));
            Assert.False(e.GetProperty("success").GetBoolean());
        });
        Assert.Contains(failed.GetProperty("items").EnumerateArray(), e => e.GetProperty("status").GetInt32() == 409);

        var page = await fixture.Admin.GetJsonAsync($"{Events}?limit=1&offset=1");
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt64() >= 3);
    }

    [Fact]
    public async Task Denials_AreLogged_AndVisibleToAuditors()
    {
        using var plain = await fixture.UserAsync("denied");
        await plain.GetJsonAsync("/api/v1/admin/volumes", HttpStatusCode.Forbidden);
        var username = (await plain.GetJsonAsync("/api/v1/user")).Str("username");
        using var auditor = await fixture.UserAsync("auditor", "DATA_SECURITY_AND_AUDIT_MANAGER");

        var denied = await auditor.GetJsonAsync($"{Events}?username={username}&success=false");

        var entry = Assert.Single(denied.GetProperty("items").EnumerateArray());
        Assert.Equal((403, "GET", "/api/v1/admin/volumes"), (entry.GetProperty("status").GetInt32(), entry.Str("method"), entry.Str("path")));
    }

    [Fact]
    public async Task ReadOnlyAdmin_MayRead_PlainUserMayNot()
    {
        using var reader = await fixture.UserAsync("readonly", "READ_ONLY_ADMIN");
        using var plain = await fixture.UserAsync("plain");

        await reader.GetJsonAsync(Events);
        await plain.GetJsonAsync(Events, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("success=maybe", "success")]
    [InlineData("from=yesterday", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task BadFilters_Are400(string query, string field)
    {
        Assert.Equal([field], (await fixture.Admin.GetJsonAsync($"{Events}?{query}", HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Modules_ListCoreAndIdentity_ForAnySignedInUser()
    {
        using var plain = await fixture.UserAsync("modules");

        var modules = await plain.GetJsonAsync("/api/v1/modules");

        Assert.Contains("core", modules.Names());
        Assert.Contains("identity", modules.Names());
        Assert.All(modules.GetProperty("items").EnumerateArray(), m => Assert.True(m.GetProperty("enabled").GetBoolean()));
        await fixture.Platform.Anonymous().GetJsonAsync("/api/v1/modules", HttpStatusCode.Unauthorized);
    }
}
