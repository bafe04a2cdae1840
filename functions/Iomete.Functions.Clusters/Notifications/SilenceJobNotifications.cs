using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Notifications;

public sealed class SilenceJobNotifications(ICallerAccessor callers, JobNotificationAccess access, NotificationStore store)
{
    [Function("clusters-job-notifications-silence")]
    [OpenApiOperation("Spark job notifications", "Silence a job's notifications for a while",
        Description = "Needs UPDATE on the job. A new silence replaces the current one (silences do not stack).")]
    [OpenApiRequestBody(typeof(SilenceRequest))]
    [OpenApiResponse(200, typeof(SilenceView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/spark/jobs/{jobId}/notifications/silence")] HttpRequest request,
        string domain,
        string jobId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, jobId, JobNotificationAccess.Update, ct);
        var body = await RequestBody.ReadAsync<SilenceRequest>(request, ct);
        var length = NotificationRules.RequireDuration(body.Duration);
        return ApiResults.Ok(await store.SilenceAsync(domain, jobId, body.Duration!, length, caller.Username, ct));
    }
}
