using Iomete.Platform.Errors;
using Iomete.Workflows.Schedules;

namespace Iomete.Workflows.Tests.Schedules;

public sealed class ScheduleCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    private static ScheduleCalendar Cron(string cron, string zone = "UTC") => ScheduleCalendar.Compile(new ScheduleSpec { Cron = cron, Timezone = zone }, Now);

    [Fact]
    public void Cron_FiveFields_FiresAtTheNextMinuteMatch()
    {
        Assert.Equal(Utc("2026-01-10T12:15:00Z"), Cron("*/15 * * * *").Next(Utc("2026-01-10T12:00:00Z")));
    }

    [Fact]
    public void Cron_SixFields_HasSeconds()
    {
        var calendar = Cron("*/2 * * * * *");
        Assert.Equal(Utc("2026-01-10T12:00:02Z"), calendar.Next(Utc("2026-01-10T12:00:00Z")));
        Assert.Equal(Utc("2026-01-10T12:00:02Z"), calendar.Next(Utc("2026-01-10T12:00:01.5Z")));
    }

    [Fact]
    public void Cron_InZone_FiresAtLocalTime()
    {
        // 09:00 in Amsterdam is 08:00 UTC in winter.
        Assert.Equal(Utc("2026-01-11T08:00:00Z"), Cron("0 9 * * *", "Europe/Amsterdam").Next(Utc("2026-01-10T12:00:00Z")));
    }

    [Fact]
    public void Cron_OnSpringForward_TheSkippedTimeFiresOnceAtTheJump()
    {
        // New York jumps from 02:00 to 03:00 on 2026-03-08: 02:30 does not exist that day.
        var calendar = Cron("30 2 * * *", "America/New_York");
        var fires = calendar.Between(Utc("2026-03-07T00:00:00Z"), Utc("2026-03-10T00:00:00Z"), 10);
        Assert.Equal([Utc("2026-03-07T07:30:00Z"), Utc("2026-03-08T07:00:00Z"), Utc("2026-03-09T06:30:00Z")], fires);
    }

    [Fact]
    public void Cron_OnFallBack_TheRepeatedHourFiresOnce()
    {
        // New York repeats 01:00-02:00 on 2026-11-01.
        var fires = Cron("30 1 * * *", "America/New_York").Between(Utc("2026-11-01T00:00:00Z"), Utc("2026-11-02T00:00:00Z"), 10);
        Assert.Single(fires);
        Assert.Equal(Utc("2026-11-01T05:30:00Z"), fires[0]);
    }

    [Fact]
    public void Cron_OnLeapDay_FiresOnlyInLeapYears()
    {
        Assert.Equal(Utc("2028-02-29T00:00:00Z"), Cron("0 0 29 2 *").Next(Utc("2026-01-10T00:00:00Z")));
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("* * * * * * *")]
    [InlineData("61 * * * *")]
    [InlineData("not a cron")]
    public void Cron_Invalid_Is400NamingTheField(string cron)
    {
        var e = Assert.Throws<ValidationException>(() => Cron(cron));
        Assert.Contains("cron", e.Errors!.Keys);
    }

    [Fact]
    public void Interval_CountsFromTheAnchor()
    {
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec { IntervalSeconds = 90, Anchor = Utc("2026-01-10T00:00:10Z") }, Now);
        Assert.Equal(Utc("2026-01-10T00:00:10Z"), calendar.Next(Utc("2026-01-09T00:00:00Z")));
        Assert.Equal(Utc("2026-01-10T00:01:40Z"), calendar.Next(Utc("2026-01-10T00:00:10Z")));
        Assert.Equal(Utc("2026-01-10T12:00:10Z"), calendar.Next(Now));
    }

    [Fact]
    public void Interval_KeepsElapsedTimeAcrossDst()
    {
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec { IntervalSeconds = 3600, Anchor = Utc("2026-03-08T05:00:00Z"), Timezone = "America/New_York" }, Now);
        Assert.Equal([Utc("2026-03-08T06:00:00Z"), Utc("2026-03-08T07:00:00Z"), Utc("2026-03-08T08:00:00Z")],
            calendar.Between(Utc("2026-03-08T05:30:00Z"), Utc("2026-03-08T08:30:00Z"), 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Interval_NotPositive_Is400(long seconds)
    {
        var e = Assert.Throws<ValidationException>(() => ScheduleCalendar.Compile(new ScheduleSpec { IntervalSeconds = seconds }, Now));
        Assert.Contains("intervalSeconds", e.Errors!.Keys);
    }

    [Fact]
    public void Rrule_InZone_KeepsLocalTimeAcrossSpringForward()
    {
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec
        {
            Rrule = "FREQ=DAILY;BYHOUR=9;BYMINUTE=30;BYSECOND=0",
            Anchor = Utc("2026-03-01T05:00:00Z"),
            Timezone = "America/New_York",
        }, Now);
        var fires = calendar.Between(Utc("2026-03-07T00:00:00Z"), Utc("2026-03-10T00:00:00Z"), 10);
        Assert.Equal([Utc("2026-03-07T14:30:00Z"), Utc("2026-03-08T13:30:00Z"), Utc("2026-03-09T13:30:00Z")], fires);
    }

    [Fact]
    public void Rrule_ANonexistentLocalTime_UsesTheOffsetBeforeTheGap()
    {
        // RFC 5545 3.3.5: 02:30 on the spring-forward day is read with EST (-5), i.e. 07:30Z (03:30 EDT).
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec
        {
            Rrule = "FREQ=DAILY;BYHOUR=2;BYMINUTE=30;BYSECOND=0",
            Anchor = Utc("2026-03-01T05:00:00Z"),
            Timezone = "America/New_York",
        }, Now);
        Assert.Equal([Utc("2026-03-07T07:30:00Z"), Utc("2026-03-08T07:30:00Z"), Utc("2026-03-09T06:30:00Z")],
            calendar.Between(Utc("2026-03-07T00:00:00Z"), Utc("2026-03-10T00:00:00Z"), 10));
    }

    [Fact]
    public void Rrule_ARepeatedLocalTime_FiresOnceAtItsFirstInstant()
    {
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec
        {
            Rrule = "FREQ=DAILY;BYHOUR=1;BYMINUTE=30;BYSECOND=0",
            Anchor = Utc("2026-10-25T05:00:00Z"),
            Timezone = "America/New_York",
        }, Now);
        Assert.Equal([Utc("2026-11-01T05:30:00Z")], calendar.Between(Utc("2026-11-01T00:00:00Z"), Utc("2026-11-02T00:00:00Z"), 10));
    }

    [Fact]
    public void Rrule_WithRrulePrefixAndUntil_EndsAtUntil()
    {
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec { Rrule = "RRULE:FREQ=HOURLY;UNTIL=20260110T150000Z", Anchor = Now }, Now);
        Assert.Equal(Utc("2026-01-10T13:00:00Z"), calendar.Next(Now));
        Assert.Null(calendar.Next(Utc("2026-01-10T15:00:00Z")));
    }

    [Fact]
    public void Rrule_SecondlyFarFromItsStart_IsComputedQuickly()
    {
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec { Rrule = "FREQ=SECONDLY;INTERVAL=7", Anchor = Utc("2020-01-01T00:00:00Z") }, Now);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var next = calendar.Next(Now)!.Value;
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
        Assert.True(next > Now && next <= Now.AddSeconds(7));
        Assert.Equal(0, (next - Utc("2020-01-01T00:00:00Z")).Ticks % TimeSpan.FromSeconds(7).Ticks);
    }

    [Fact]
    public void Rrule_OnLeapDay_FiresEveryFourYears()
    {
        var calendar = ScheduleCalendar.Compile(new ScheduleSpec { Rrule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", Anchor = Utc("2024-02-29T00:00:00Z") }, Now);
        Assert.Equal(Utc("2028-02-29T00:00:00Z"), calendar.Next(Now));
    }

    [Theory]
    [InlineData("FREQ=DAILY;COUNT=3", "COUNT")]
    [InlineData("FREQ=BOGUS", "valid")]
    [InlineData("garbage", "valid")]
    [InlineData("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY", "anchorDate")]
    public void Rrule_Invalid_Is400WithTheReason(string rrule, string why)
    {
        var e = Assert.Throws<ValidationException>(() => ScheduleCalendar.Compile(new ScheduleSpec { Rrule = rrule }, Now));
        Assert.Contains(why, string.Join(" ", e.Errors!["rrule"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Rrule_LongerThan6500Characters_Is400()
    {
        var rrule = "FREQ=DAILY;BYHOUR=" + string.Join(",", Enumerable.Repeat("1", 3300));
        var e = Assert.Throws<ValidationException>(() => ScheduleCalendar.Compile(new ScheduleSpec { Rrule = rrule }, Now));
        Assert.Contains("6500", string.Join(" ", e.Errors!["rrule"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_WithTwoKinds_Is400()
    {
        Assert.Throws<ValidationException>(() => ScheduleCalendar.Compile(new ScheduleSpec { Cron = "* * * * *", IntervalSeconds = 5 }, Now));
        Assert.Throws<ValidationException>(() => ScheduleCalendar.Compile(new ScheduleSpec(), Now));
    }

    [Fact]
    public void Timezone_Unknown_Is400()
    {
        var e = Assert.Throws<ValidationException>(() => Cron("* * * * *", "Mars/Olympus"));
        Assert.Contains("timezone", e.Errors!.Keys);
    }

    [Fact]
    public void Between_IsBoundedAndHalfOpen()
    {
        var fires = Cron("* * * * * *").Between(Utc("2026-01-10T12:00:00Z"), Utc("2026-01-10T12:00:05Z"), 3);
        Assert.Equal([Utc("2026-01-10T12:00:00Z"), Utc("2026-01-10T12:00:01Z"), Utc("2026-01-10T12:00:02Z")], fires);
        Assert.Equal(5, Cron("* * * * * *").Between(Utc("2026-01-10T12:00:00Z"), Utc("2026-01-10T12:00:05Z"), 100).Count);
    }
}
