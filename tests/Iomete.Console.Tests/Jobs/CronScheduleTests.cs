using Iomete.Console.Pages.Jobs;

namespace Iomete.Console.Tests.Jobs;

public sealed class CronScheduleTests : ConsoleTestContext
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 2 * * *", "2026-12-01T02:00:00Z", "2026-12-02T02:00:00Z")]
    [InlineData("*/20 * * * *", "2026-11-30T10:20:00Z", "2026-11-30T10:40:00Z")]
    [InlineData("0 9 * * MON-FRI", "2026-12-01T09:00:00Z", "2026-12-02T09:00:00Z")]
    [InlineData("@monthly", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("30 0 12 * * *", "2026-11-30T12:00:30Z", "2026-12-01T12:00:30Z")]
    [InlineData("0 0 1 * 0", "2026-12-01T00:00:00Z", "2026-12-06T00:00:00Z")]
    public void NextFireTimes_FollowTheExpression(string cron, string first, string second)
    {
        Assert.True(CronSchedule.TryParse(cron, out var schedule, out var error), error);
        var next = schedule!.Next(Monday, 2, TimeZoneInfo.Utc);
        Assert.Equal([DateTimeOffset.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(second, System.Globalization.CultureInfo.InvariantCulture)], next);
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("0 2 * *", "has 4 fields")]
    [InlineData("61 * * * *", "minute out of range")]
    [InlineData("0 25 * * *", "hour out of range")]
    [InlineData("0 0 * FOO *", "invalid month")]
    [InlineData("*/0 * * * *", "invalid step")]
    [InlineData("@sometimes", "not a known macro")]
    public void InvalidExpressions_SayWhatIsWrong(string cron, string message)
    {
        Assert.False(CronSchedule.TryParse(cron, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCronField_ValidatesAsTheUserTypes_AndPreviewsTheNextFireTimes()
    {
        string? bound = null;
        var field = Render<CronField>(p => p.Add(x => x.Value, "0 2 * * *").Add(x => x.Now, Monday).Add(x => x.TestId, "cron")
            .Add(x => x.ValueChanged, (string? v) => bound = v));
        Assert.Contains("Tue 2026-12-01 02:00:00", field.Find("[data-testid=cron-next]").TextContent, StringComparison.Ordinal);

        field.Find("input").Input("0 2 * *");
        field.WaitForAssertion(() => Assert.Contains("has 4 fields", field.Markup, StringComparison.Ordinal));
        Assert.Empty(field.FindAll("[data-testid=cron-next]"));
        Assert.Equal("0 2 * *", bound);

        field.Find("input").Input("15 * * * *");
        field.WaitForAssertion(() => Assert.Contains("Mon 2026-11-30 11:15:00", field.Find("[data-testid=cron-next]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void AJobForm_WithASchedule_RefusesAnInvalidCron_BeforeSending()
    {
        Assert.Null(new JobForm { JobType = "MANUAL", Schedule = "nonsense" }.ScheduleError());
        Assert.Contains("fields", new JobForm { JobType = "SCHEDULED", Schedule = "0 0" }.ScheduleError(), StringComparison.Ordinal);
        Assert.Null(new JobForm { JobType = "SCHEDULED", Schedule = "0 0 * * *" }.ScheduleError());
    }
}
