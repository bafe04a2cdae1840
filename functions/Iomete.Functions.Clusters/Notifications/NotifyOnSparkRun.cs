using Iomete.Functions.Clusters.Common;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>What one delivered run event caused.</summary>
public sealed record NotifyResult(NotificationEvent? Event, int Sent, int Silenced, int Skipped, int AlreadyNotified);

/// <summary>
/// The subscriber of <see cref="ClusterTopics.SparkRuns"/> that emails a job's recipients when a run ends: one email per
/// subscription whose events include the run's outcome, unless the job is silenced at the time of the change, and at
/// most once per (run, event, recipient) however often the event is delivered. A failed send answers 502 so the event
/// is delivered again; what was sent already is not sent twice.
/// </summary>
public sealed partial class NotifyOnSparkRun(
    ICallerAccessor callers, NotificationStore store, NoticeStore notices, PlatformMail mail, ILogger<NotifyOnSparkRun> logger)
{
    [Function("clusters-job-notifications-on-run")]
    [TopicSubscription(ClusterTopics.SparkRuns)]
    [OpenApiOperation("Internal", "Email job notification recipients about a run's outcome (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<SparkRunStateChanged>))]
    [OpenApiResponse(200, typeof(NotifyResult))]
    [OpenApiResponse(502)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/clusters/subscriptions/spark-runs/notifications")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        InternalCallers.RequireSystem(caller);
        var change = await CloudEvents.ReadDataAsync<SparkRunStateChanged>(request, ct);
        if (NotificationMessages.EventOf(change) is not { } @event)
        {
            return ApiResults.Ok(new NotifyResult(null, 0, 0, 0, 0));
        }
        var subscriptions = (await store.ListAsync(change.Domain, change.JobId, ct)).Where(s => s.Events.Contains(@event)).ToList();
        var silenced = subscriptions.Count > 0 && (await store.SilenceAtAsync(change.Domain, change.JobId, change.At, ct)).SilencedUntil is not null;
        int sent = 0, muted = 0, skipped = 0, duplicates = 0;
        ApiException? failure = null;
        foreach (var subscription in subscriptions)
        {
            var claimed = await notices.TryClaimAsync(change.RunId, @event, subscription.Email, change.Domain, change.JobId,
                silenced ? NoticeStatus.Silenced : NoticeStatus.Sending, ct);
            if (!claimed)
            {
                duplicates++;
                continue;
            }
            if (silenced)
            {
                muted++;
                continue;
            }
            try
            {
                var outcome = await mail.SendAsync([subscription.Email], NotificationMessages.Subject(change, @event), NotificationMessages.Text(change, @event), null, ct);
                if (outcome.Sent)
                {
                    sent++;
                    await notices.MarkAsync(change.RunId, @event, subscription.Email, NoticeStatus.Sent, null, ct);
                }
                else
                {
                    skipped++;
                    LogSkipped(logger, change.JobId, change.RunId, outcome.Skipped);
                    await notices.MarkAsync(change.RunId, @event, subscription.Email, NoticeStatus.Skipped, outcome.Skipped, ct);
                }
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException)
            {
                // Released, so the redelivery of this event tries this recipient again.
                await notices.ReleaseAsync(change.RunId, @event, subscription.Email, ct);
                failure = ex as ApiException ?? new ApiException(502, ErrorCodes.BadGateway, "Mail not sent", ex.Message);
            }
        }
        if (failure is not null)
        {
            throw failure;
        }
        return ApiResults.Ok(new NotifyResult(@event, sent, muted, skipped, duplicates));
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Warning, Message = "Notification for job {JobId} run {RunId} not sent: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string jobId, string runId, string? reason);
}
