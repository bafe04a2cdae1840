using System.Net;

namespace Iomete.Functions.Health.Tests.Api;

public sealed class NotificationSettingsApiTests(HealthPlatformFixture fixture) : IClassFixture<HealthPlatformFixture>
{
    private const string Route = "/api/v1/admin/health-check/notifications";

    [Fact]
    public async Task Put_ReplacesBothLists_AndGetReturnsThem()
    {
        var saved = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Route,
            new { emails = new[] { "ops@example.com" }, webhooks = new[] { "https://hooks.example.com/health" } });
        Assert.Equal("admin", saved.Str("updatedBy"));
        Assert.Equal(300, saved.GetProperty("minimumIntervalSeconds").GetInt32());

        var read = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route);
        Assert.Equal(["ops@example.com"], read.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["https://hooks.example.com/health"], read.GetProperty("webhooks").EnumerateArray().Select(e => e.GetString()));

        var cleared = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Route, new { emails = Array.Empty<string>() });
        Assert.Equal(0, cleared.GetProperty("webhooks").GetArrayLength());
    }

    [Fact]
    public async Task Put_RefusesNonHttpWebhooks_AndBadEmails()
    {
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, Route,
            new { emails = new[] { "nobody" }, webhooks = new[] { "file:///etc/passwd" } });

        Assert.True(problem.GetProperty("errors").TryGetProperty("webhooks", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("emails", out _), problem.ToString());
    }

    [Fact]
    public async Task OnlyAdministrationManagers_MayChange_ReadOnlyAdmins_MayRead()
    {
        using var plain = await fixture.UserAsync("plain");
        await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Route);

        using var readOnly = await fixture.UserAsync("ro", "READ_ONLY_ADMIN");
        await readOnly.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route);
        await readOnly.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Put, Route, new { emails = Array.Empty<string>() });

        using var manager = await fixture.UserAsync("am", "ADMINISTRATION_MANAGER");
        await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Route, new { webhooks = new[] { "http://127.0.0.1:1/never" } });
    }
}
