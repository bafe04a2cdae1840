using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Notifications;

namespace Iomete.Functions.Clusters.Tests.Notifications;

public sealed class NotificationEventTests
{
    [Theory]
    [InlineData("COMPLETED", null, NotificationEvent.OnSuccess)]
    [InlineData("FAILED", null, NotificationEvent.OnFailure)]
    [InlineData("ABORTED", "USER", NotificationEvent.OnAbort)]
    [InlineData("ABORTED", "EXECUTION_TIMEOUT", NotificationEvent.OnExecutionTimeout)]
    [InlineData("ABORTED", "STARTUP_TIMEOUT", NotificationEvent.OnStartupTimeout)]
    [InlineData("EXECUTION_TIMEOUT", null, NotificationEvent.OnExecutionTimeout)]
    [InlineData("STARTUP_TIMEOUT", null, NotificationEvent.OnStartupTimeout)]
    [InlineData("FAILED", "STARTUP_TIMEOUT", NotificationEvent.OnStartupTimeout)]
    [InlineData("RUNNING", null, null)]
    [InlineData("SUBMITTED", null, null)]
    public void EventOf_MapsARunsEndingToItsNotificationEvent(string status, string? reason, NotificationEvent? expected)
    {
        var change = new SparkRunStateChanged("d", "j", "nightly", "r", "RUNNING", status, reason, null, DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, NotificationMessages.EventOf(change));
    }

    [Fact]
    public void TheEmail_NamesJobRunStatusAndError()
    {
        var change = new SparkRunStateChanged("sales", "job-1", "nightly", "run-9", "RUNNING", "FAILED", null, "OutOfMemoryError", DateTimeOffset.UnixEpoch);

        Assert.Equal("[IOMETE] Spark job 'nightly' failed", NotificationMessages.Subject(change, NotificationEvent.OnFailure));
        var text = NotificationMessages.Text(change, NotificationEvent.OnFailure);
        Assert.Contains("Run: run-9", text, StringComparison.Ordinal);
        Assert.Contains("Domain: sales", text, StringComparison.Ordinal);
        Assert.Contains("OutOfMemoryError", text, StringComparison.Ordinal);
    }
}
