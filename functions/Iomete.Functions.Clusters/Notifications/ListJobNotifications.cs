using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Notifications;

public sealed class ListJobNotifications(ICallerAccessor callers, JobNotificationAccess access, NotificationStore store)
{
    [Function("clusters-job-notifications-list")]
    [OpenApiOperation("Spark job notifications", "List a job's notification recipients", Description = "Needs VIEW on the job.")]
    [OpenApiResponse(200, typeof(List<NotificationView>))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{jobId}/notifications")] HttpRequest request,
        string domain,
        string jobId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireAsync(caller, domain, jobId, JobNotificationAccess.View, ct);
        return ApiResults.Ok(await store.ListAsync(domain, jobId, ct));
    }
}
