using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Notifications;

public sealed class RemoveJobNotificationSilence(ICallerAccessor callers, JobNotificationAccess access, NotificationStore store)
{
    [Function("clusters-job-notifications-unsilence")]
    [OpenApiOperation("Spark job notifications", "Remove a job's silence", Description = "Needs UPDATE on the job. Removing no silence is fine.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v2/domains/{domain}/spark/jobs/{jobId}/notifications/silence")] HttpRequest request,
        string domain,
        string jobId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, jobId, JobNotificationAccess.Update, ct);
        await store.UnsilenceAsync(domain, jobId, ct);
        return ApiResults.NoContent();
    }
}
