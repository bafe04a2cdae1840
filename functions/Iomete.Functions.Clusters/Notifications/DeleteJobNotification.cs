using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Notifications;

public sealed class DeleteJobNotification(ICallerAccessor callers, JobNotificationAccess access, NotificationStore store)
{
    [Function("clusters-job-notifications-delete")]
    [OpenApiOperation("Spark job notifications", "Remove a notification recipient", Description = "Needs UPDATE on the job.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v2/domains/{domain}/spark/jobs/{jobId}/notifications/{notificationId}")] HttpRequest request,
        string domain,
        string jobId,
        string notificationId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, jobId, JobNotificationAccess.Update, ct);
        if (!await store.DeleteAsync(domain, jobId, notificationId, ct))
        {
            throw new NotFoundException("Notification setting", notificationId);
        }
        return ApiResults.NoContent();
    }
}
