using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Notifications;

public sealed class UpdateJobNotification(ICallerAccessor callers, JobNotificationAccess access, NotificationStore store)
{
    [Function("clusters-job-notifications-update")]
    [OpenApiOperation("Spark job notifications", "Change a notification recipient and its events", Description = "Needs UPDATE on the job.")]
    [OpenApiRequestBody(typeof(UpdateNotificationRequest))]
    [OpenApiResponse(200, typeof(NotificationView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/spark/jobs/{jobId}/notifications/{notificationId}")] HttpRequest request,
        string domain,
        string jobId,
        string notificationId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, jobId, JobNotificationAccess.Update, ct);
        var body = await RequestBody.ReadAsync<UpdateNotificationRequest>(request, ct);
        var email = NotificationRules.RequireEmail(body.Email);
        var events = NotificationRules.RequireEvents(body.Events);
        return ApiResults.Ok(await store.UpdateAsync(domain, jobId, notificationId, email, events, caller.Username, ct)
                             ?? throw new NotFoundException("Notification setting", notificationId));
    }
}
