using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Notifications;

public sealed class GetJobNotificationSilence(ICallerAccessor callers, JobNotificationAccess access, NotificationStore store, TimeProvider clock)
{
    [Function("clusters-job-notifications-silence-get")]
    [OpenApiOperation("Spark job notifications", "Show whether a job's notifications are silenced, and until when", Description = "Needs VIEW on the job.")]
    [OpenApiResponse(200, typeof(SilenceView))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{jobId}/notifications/silence")] HttpRequest request,
        string domain,
        string jobId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, jobId, JobNotificationAccess.View, ct);
        return ApiResults.Ok(await store.SilenceAtAsync(domain, jobId, clock.GetUtcNow(), ct));
    }
}
