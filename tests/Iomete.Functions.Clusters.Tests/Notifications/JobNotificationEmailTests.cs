using System.Net;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Notifications;
using Iomete.Functions.Clusters.Tests.Secrets;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.Notifications;

/// <summary>
/// End to end: a run's state change published on the bus reaches the subscription function, which emails the job's
/// recipients through the core service's SMTP configuration, here a real SMTP listener.
/// </summary>
public sealed class JobNotificationEmailTests(NoDataPlaneSettingsFixture fixture) : IClassFixture<NoDataPlaneSettingsFixture>, IAsyncLifetime
{
    private readonly SmtpSink sink = new();

    public async Task InitializeAsync() =>
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/integrations/email",
            new { host = "127.0.0.1", port = sink.Port, security = "NONE", requireAuth = false, senderEmail = "noreply@iomete.local", senderName = "IOMETE" });

    public async Task DisposeAsync() => await sink.DisposeAsync();

    private IEventBus Bus => fixture.Platform.Services.GetRequiredService<IEventBus>();

    private NoticeStore Notices => fixture.Platform.Services.GetRequiredService<NoticeStore>();

    private async Task<(string Domain, string Job)> JobWithRecipientAsync(string email, params string[] events)
    {
        var domain = "default";
        var job = Guid.NewGuid().ToString();
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v2/domains/{domain}/spark/jobs/{job}/notifications", new { email, events });
        return (domain, job);
    }

    private static SparkRunStateChanged Change(string domain, string job, string run, string status, string? reason = null) =>
        new(domain, job, "nightly-etl", run, "RUNNING", status, reason, status == "FAILED" ? "Job aborted due to stage failure" : null, DateTimeOffset.UtcNow);

    private Task PublishAsync(SparkRunStateChanged change) => Bus.PublishAsync(ClusterTopics.SparkRuns, change, CancellationToken.None);

    private async Task<SmtpSink.ReceivedMail> WaitForMailAsync(string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (sink.Messages.FirstOrDefault(m => m.Recipients.Contains(recipient)) is { } mail)
            {
                return mail;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"no email reached {recipient}");
    }

    /// <summary>Events are delivered in order: once a later marker run's email arrives, every earlier event was handled.</summary>
    private async Task DrainAsync()
    {
        var marker = $"marker-{Guid.NewGuid():N}@example.com";
        var (domain, job) = await JobWithRecipientAsync(marker, "ON_SUCCESS");
        await PublishAsync(Change(domain, job, Guid.NewGuid().ToString(), "COMPLETED"));
        await WaitForMailAsync(marker);
    }

    [Fact]
    public async Task AFailedRun_EmailsTheRecipientsOfOnFailure_Only()
    {
        var (domain, job) = await JobWithRecipientAsync("oncall@example.com", "ON_FAILURE");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v2/domains/{domain}/spark/jobs/{job}/notifications",
            new { email = "happy@example.com", events = new[] { "ON_SUCCESS" } });
        var run = Guid.NewGuid().ToString();

        await PublishAsync(Change(domain, job, run, "FAILED"));
        var mail = await WaitForMailAsync("oncall@example.com");
        await DrainAsync();

        Assert.Equal(["oncall@example.com"], mail.Recipients);
        Assert.Equal("noreply@iomete.local", mail.MailFrom);
        Assert.Contains("Subject: [IOMETE] Spark job 'nightly-etl' failed", mail.Data, StringComparison.Ordinal);
        Assert.Contains(run, mail.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Messages, m => m.Recipients.Contains("happy@example.com"));
        Assert.Equal([("OnFailure", "oncall@example.com", "Sent")], await Notices.ForRunAsync(run, CancellationToken.None));
    }

    [Fact]
    public async Task ARedeliveredEvent_SendsOneEmail()
    {
        var (domain, job) = await JobWithRecipientAsync("once@example.com", "ON_ABORT");
        var change = Change(domain, job, Guid.NewGuid().ToString(), "ABORTED", "USER");

        await PublishAsync(change);
        await PublishAsync(change);
        await PublishAsync(change);
        await WaitForMailAsync("once@example.com");
        await DrainAsync();

        Assert.Single(sink.Messages, m => m.Recipients.Contains("once@example.com"));
    }

    [Fact]
    public async Task ASilencedJob_SendsNothing_AndRecordsTheNoticeAsSilenced()
    {
        var (domain, job) = await JobWithRecipientAsync("quiet@example.com", "ON_SUCCESS", "ON_EXECUTION_TIMEOUT");
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v2/domains/{domain}/spark/jobs/{job}/notifications/silence", new { duration = "1h" });
        var run = Guid.NewGuid().ToString();

        await PublishAsync(Change(domain, job, run, "ABORTED", "EXECUTION_TIMEOUT"));
        await DrainAsync();

        Assert.DoesNotContain(sink.Messages, m => m.Recipients.Contains("quiet@example.com"));
        Assert.Equal([("OnExecutionTimeout", "quiet@example.com", "Silenced")], await Notices.ForRunAsync(run, CancellationToken.None));

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v2/domains/{domain}/spark/jobs/{job}/notifications/silence");
        await PublishAsync(Change(domain, job, Guid.NewGuid().ToString(), "COMPLETED"));
        await WaitForMailAsync("quiet@example.com");
    }

    [Fact]
    public async Task WithoutSmtp_TheNoticeIsRecordedAsSkipped()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, "/api/v1/admin/integrations/email");
        var (domain, job) = await JobWithRecipientAsync("nobody@example.com", "ON_STARTUP_TIMEOUT");
        var run = Guid.NewGuid().ToString();

        await PublishAsync(Change(domain, job, run, "ABORTED", "STARTUP_TIMEOUT"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<(string Event, string Recipient, string Status)> notices = [];
        while (DateTime.UtcNow < deadline && (notices = await Notices.ForRunAsync(run, CancellationToken.None)) is not [(_, _, "Skipped")])
        {
            await Task.Delay(50);
        }

        Assert.Equal([("OnStartupTimeout", "nobody@example.com", "Skipped")], notices);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task TheInternalEmailRoute_RefusesEveryoneButThePlatform()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/internal/core/email", new { to = new[] { "a@example.com" }, subject = "s", text = "t" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/internal/core/email", new { to = new[] { "a@example.com" }, subject = "s", text = "t" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/internal/v1/clusters/subscriptions/spark-runs/notifications", new { data = new { } });
        Assert.Empty(sink.Messages);
    }
}
