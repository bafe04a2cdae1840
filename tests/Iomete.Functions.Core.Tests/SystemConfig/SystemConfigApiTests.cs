using System.Net;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.SystemConfig;

public sealed class SystemConfigApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task List_ShowsKnownKeysWithDefaultsAndDescriptions()
    {
        var page = await Admin.GetJsonAsync("/api/v1/system-config?search=grafana");

        Assert.Equal(["external-grafana.alerting-rules.dashboard-url", "external-grafana.service-availability.dashboard-url"], page.Names("key"));
        var first = page.GetProperty("items")[0];
        Assert.Equal("/monitoring/alerting/list", first.Str("default"));
        Assert.Equal("URL", first.Str("type"));
        Assert.False(string.IsNullOrEmpty(first.Str("description")));
    }

    [Fact]
    public async Task Put_ThenGet_ThenDelete_ChangesAndResetsTheValue()
    {
        const string path = "/api/v1/system-config/access-tokens.notifications.warning";

        var put = await Admin.PutJsonAsync(path, new { value = 14 }, HttpStatusCode.OK);
        Assert.Equal(("14", false), (put.Str("value"), put.GetProperty("isDefault").GetBoolean()));
        Assert.Equal("admin", put.Str("updatedBy"));
        Assert.Equal("14", (await Admin.GetJsonAsync(path)).Str("value"));

        var reset = await Admin.DeleteJsonAsync(path, HttpStatusCode.OK);
        Assert.Equal(("0", true), (reset.Str("value"), reset.GetProperty("isDefault").GetBoolean()));
    }

    [Theory]
    [InlineData("access-token.lifetime", "\"forever\"")]
    [InlineData("access-token.lifetime", "0")]
    [InlineData("access-token.lifetime", "null")]
    [InlineData("external-grafana.alerting-rules.dashboard-url", "\"javascript:alert(1)\"")]
    public async Task Put_WithValueOfWrongType_Is400OnValue(string key, string json)
    {
        using var response = await Admin.PutAsync(new Uri($"/api/v1/system-config/{key}", UriKind.Relative),
            new StringContent($"{{\"value\":{json}}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["value"], (await response.JsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task UnknownKey_Is404ForEveryMethod()
    {
        await Admin.GetJsonAsync("/api/v1/system-config/no.such.key", HttpStatusCode.NotFound);
        await Admin.PutJsonAsync("/api/v1/system-config/no.such.key", new { value = "x" }, HttpStatusCode.NotFound);
        await Admin.DeleteJsonAsync("/api/v1/system-config/no.such.key", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReadOnlyAdmin_MayRead_ButNotChange()
    {
        using var reader = await fixture.UserAsync("readonly", "READ_ONLY_ADMIN");

        await reader.GetJsonAsync("/api/v1/system-config");
        await reader.GetJsonAsync("/api/v1/system-config/access-token.lifetime");
        var denied = await reader.PutJsonAsync("/api/v1/system-config/access-token.lifetime", new { value = "30" }, HttpStatusCode.Forbidden);
        Assert.Equal("FORBIDDEN", denied.Str("errorCode"));
    }

    [Fact]
    public async Task PlainUser_IsForbidden()
    {
        using var plain = await fixture.UserAsync("plain");

        await plain.GetJsonAsync("/api/v1/system-config", HttpStatusCode.Forbidden);
        await plain.DeleteJsonAsync("/api/v1/system-config/access-token.lifetime", HttpStatusCode.Forbidden);
    }
}
