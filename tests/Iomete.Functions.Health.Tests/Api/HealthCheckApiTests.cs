using System.Net;
using System.Text.Json;

namespace Iomete.Functions.Health.Tests.Api;

public sealed class HealthCheckApiTests(HealthPlatformFixture fixture) : IClassFixture<HealthPlatformFixture>
{
    private const string Route = "/api/v1/health-check";

    private static IEnumerable<JsonElement> Components(JsonElement view) => view.GetProperty("components").EnumerateArray();

    [Fact]
    public async Task Refresh_ProbesEveryLocalComponent_AndListsOnlyConfiguredOnes()
    {
        var view = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Route + "/refresh");

        Assert.Equal(["metadata-db", "object-storage", "embedded-engine", "workflows", "function-app:local"],
            Components(view).Select(c => c.Str("name")));
        Assert.All(Components(view), c =>
        {
            Assert.True(c.Str("status") == "OPERATIONAL", c.ToString());
            Assert.Equal(48, c.GetProperty("bars").GetArrayLength());
            var current = c.GetProperty("bars")[47];
            Assert.True(current.GetProperty("samples").GetInt32() >= 1);
            Assert.Equal("OPERATIONAL", current.Str("status"));
            Assert.Equal(100.0, c.GetProperty("uptime").GetDouble());
            Assert.False(c.TryGetProperty("message", out _));
        });
        Assert.Equal("OPERATIONAL", view.Str("status"));
        Assert.Equal("P90", view.Str("metric"));
    }

    [Fact]
    public async Task Get_ServesTheStatusOfTheLastRound_WithTheChosenMetric()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Route + "/refresh");

        var view = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route + "?metric=p99");

        Assert.Equal("P99", view.Str("metric"));
        var db = Components(view).Single(c => c.Str("name") == "metadata-db");
        Assert.Equal("OPERATIONAL", db.Str("status"));
        Assert.True(db.GetProperty("since").GetDateTimeOffset() <= db.GetProperty("checkedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetComponent_ReturnsOne_And404ForAnUnknownOne()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Route + "/refresh");

        var app = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route + "/function-app:local?metric=P50");
        Assert.Equal("function-app:local", app.Str("name"));
        Assert.Equal("OPERATIONAL", app.Str("status"));
        Assert.Equal(48, app.GetProperty("bars").GetArrayLength());

        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, Route + "/kubernetes-api");
    }

    [Theory]
    [InlineData("GET", Route + "?metric=P75")]
    [InlineData("GET", Route + "/metadata-db?metric=high")]
    [InlineData("POST", Route + "/refresh?metric=P0")]
    public async Task UnknownMetric_Is400ProblemJson(string method, string url)
    {
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", new HttpMethod(method), url);
        Assert.Contains("metric", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_Is401_PlainUser_Is403_AnyAdminRole_MayRead()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Route);

        using var plain = await fixture.UserAsync("plain");
        await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Route);
        await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Route + "/metadata-db");
        await plain.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Route + "/refresh");

        using var readOnly = await fixture.UserAsync("ro", "READ_ONLY_ADMIN");
        await readOnly.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route);
        await readOnly.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Route + "/refresh");

        using var iam = await fixture.UserAsync("iam", "IAM_MANAGER");
        await iam.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route + "/metadata-db");
    }

    [Fact]
    public async Task ProbeRoute_ServesOnlyThePlatformsOwnCalls()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/internal/v1/health/probe");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, "/internal/v1/health/probe");
    }
}
