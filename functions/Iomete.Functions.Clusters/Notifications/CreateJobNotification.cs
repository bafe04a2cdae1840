using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Notifications;

public sealed class CreateJobNotification(ICallerAccessor callers, JobNotificationAccess access, NotificationStore store)
{
    [Function("clusters-job-notifications-create")]
    [OpenApiOperation("Spark job notifications", "Add a notification recipient to a job",
        Description = "Needs UPDATE on the job. One setting per recipient: a second one is a 409.")]
    [OpenApiRequestBody(typeof(CreateNotificationRequest))]
    [OpenApiResponse(201, typeof(NotificationView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/spark/jobs/{jobId}/notifications")] HttpRequest request,
        string domain,
        string jobId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, jobId, JobNotificationAccess.Update, ct);
        var body = await RequestBody.ReadAsync<CreateNotificationRequest>(request, ct);
        var email = NotificationRules.RequireEmail(body.Email);
        var events = NotificationRules.RequireEvents(body.Events);
        var created = await store.CreateAsync(domain, jobId, email, events, caller.Username, ct);
        return ApiResults.Created(created, $"/api/v2/domains/{domain}/spark/jobs/{jobId}/notifications/{created.Id}");
    }
}
