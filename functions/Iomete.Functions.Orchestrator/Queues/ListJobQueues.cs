using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Orchestrator.Queues;

/// <summary>The job queues of every namespace that has waiting runs (members of the domain).</summary>
public sealed class ListJobQueues(ICallerAccessor callers, IAccessControl access, JobQueueStore queues, IOptions<QueueOptions> options, TimeProvider clock)
{
    [Function("orchestrator-job-queues-list")]
    [OpenApiOperation("Job queues", "List the namespaces' job queues: waiting runs, positions, waiting times, blocking resources")]
    [OpenApiResponse(200, typeof(Page<JobQueueView>))]
    [OpenApiResponse(401)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/job-queues")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAccessAsync(caller, domain, ct);
        var views = JobQueueViews.From(await queues.WaitingAsync(null, ct), domain, options.Value, clock.GetUtcNow());
        return ApiResults.Ok(new Page<JobQueueView>(views, views.Count, 0, Math.Max(1, views.Count)));
    }
}

/// <summary>One namespace's job queues (members of the domain).</summary>
public sealed class GetJobQueue(ICallerAccessor callers, IAccessControl access, JobQueueStore queues, IOptions<QueueOptions> options, TimeProvider clock)
{
    [Function("orchestrator-job-queues-get")]
    [OpenApiOperation("Job queues", "A namespace's HIGH and NORMAL job queues")]
    [OpenApiResponse(200, typeof(JobQueueView))]
    [OpenApiResponse(401)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/job-queues/{namespace}")] HttpRequest request,
        string domain,
        string @namespace,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAccessAsync(caller, domain, ct);
        var views = JobQueueViews.From(await queues.WaitingAsync(@namespace, ct), domain, options.Value, clock.GetUtcNow());
        return ApiResults.Ok(views.Count > 0 ? views[0] : JobQueueViews.Empty(@namespace, options.Value));
    }
}
