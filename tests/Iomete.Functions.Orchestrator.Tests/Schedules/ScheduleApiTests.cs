using System.Net;
using Iomete.Testing;

namespace Iomete.Functions.Orchestrator.Tests.Schedules;

/// <summary>The schedules API's answers: validation, authentication, permissions, conflicts, paging.</summary>
public sealed class ScheduleApiTests(SchedulesFixture fixture) : IClassFixture<SchedulesFixture>
{
    private const string Root = SchedulesFixture.Root;

    public static TheoryData<string, string> Invalid => new()
    {
        { """{"cron":"* * *","queries":["SELECT 1"]}""", "cron" },
        { """{"cron":"* * * * *","intervalSeconds":5,"queries":["SELECT 1"]}""", "cron" },
        { """{"rrule":"FREQ=DAILY;COUNT=2","queries":["SELECT 1"]}""", "rrule" },
        { """{"intervalSeconds":0,"queries":["SELECT 1"]}""", "intervalSeconds" },
        { """{"cron":"* * * * *","timezone":"Nowhere/Land","queries":["SELECT 1"]}""", "timezone" },
        { """{"cron":"* * * * *"}""", "jobId" },
        { """{"cron":"* * * * *","jobId":"j1","queries":["SELECT 1"]}""", "jobId" },
        { """{"cron":"* * * * *","queries":["SELECT 1", " "]}""", "queries[1]" },
        { """{"cron":"* * * * *","queries":["SELECT 1"],"concurrency":"SOMETIMES"}""", "concurrency" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Create_WithAnInvalidField_Returns400NamingIt(string fields, string field)
    {
        var body = fields.Insert(1, $"\"name\":\"{SchedulesFixture.Unique("bad")}\",\"resourceBundleId\":\"{fixture.BundleId}\",");
        var problem = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, Root, body);
        Assert.Contains(field, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_Gets401ProblemJson()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, Root);
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, Root, new { name = "x" });
    }

    [Fact]
    public async Task APlainUser_CannotCreateOrSeeOthersSchedules()
    {
        var schedule = await fixture.CreateAsync(new { cron = "0 0 1 1 *", paused = true, queries = new[] { "SELECT 1" } });
        var (_, member) = await fixture.UserAsync("member", "CREATE_COMPUTE");
        using (member)
        {
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root,
                new { name = SchedulesFixture.Unique("m"), resourceBundleId = fixture.BundleId, cron = "* * * * *", queries = new[] { "SELECT 1" } });
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, $"{Root}/{schedule.Str("id")}");
            await member.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, $"{Root}/{schedule.Str("id")}/trigger");
            var page = await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root);
            Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), s => s.Str("id") == schedule.Str("id"));
        }
        var (_, outsider) = await fixture.UserAsync("outsider");
        using (outsider)
        {
            await outsider.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Root);
        }
    }

    [Fact]
    public async Task AnotherRunAsUser_IsForDomainManagersOnly()
    {
        var (_, creator) = await fixture.UserAsync("creator", "CREATE_SPARK_JOB");
        using (creator)
        {
            await creator.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, Root,
                new { name = SchedulesFixture.Unique("c"), resourceBundleId = fixture.BundleId, cron = "* * * * *", queries = new[] { "SELECT 1" }, runAs = "someone-else" });
        }
    }

    [Fact]
    public async Task Names_AreUniquePerDomain_AndReplaceChecksTheVersion()
    {
        var schedule = await fixture.CreateAsync(new { cron = "0 0 1 1 *", paused = true, queries = new[] { "SELECT 1" } });
        var name = schedule.Str("name");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Root,
            new { name, resourceBundleId = fixture.BundleId, cron = "* * * * *", queries = new[] { "SELECT 1" } });

        var url = $"{Root}/{schedule.Str("id")}";
        var body = new { name, resourceBundleId = fixture.BundleId, rrule = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9", timezone = "Europe/Amsterdam", paused = true, queries = new[] { "SELECT 2" }, version = 1 };
        var replaced = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, url, body);
        Assert.Equal(2, replaced.GetProperty("version").GetInt64());
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9", replaced.Str("rrule"));
        Assert.False(replaced.TryGetProperty("cron", out var cron) && cron.ValueKind != System.Text.Json.JsonValueKind.Null);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Put, url, body);

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, url);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, url);
    }

    [Fact]
    public async Task List_FiltersByStatusAndTargetType_AndShowsTheNextFire()
    {
        var paused = await fixture.CreateAsync(new { cron = "0 0 1 1 *", paused = true, queries = new[] { "SELECT 1" } });
        var active = await fixture.CreateAsync(new { intervalSeconds = 3600, queries = new[] { "SELECT 1" } });
        var pausedPage = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?status=PAUSED&targetType=SQL_QUERIES&limit=1000");
        Assert.Contains(pausedPage.GetProperty("items").EnumerateArray(), s => s.Str("id") == paused.Str("id"));
        Assert.DoesNotContain(pausedPage.GetProperty("items").EnumerateArray(), s => s.Str("id") == active.Str("id"));
        var found = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}?search={active.Str("name")}");
        var item = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("nextFireAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(59));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{Root}?status=SLEEPING");
        await fixture.PauseAsync(active.Str("id"));
    }
}
