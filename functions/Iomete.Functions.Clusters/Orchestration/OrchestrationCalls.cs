using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.NodeTypes;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>The orchestrator's view of jobs: only internal calls (the app token, optionally acting for a user) reach these routes.</summary>
public sealed class OrchestrationCalls(SparkJobStore jobs, NodeTypeCatalog nodeTypes)
{
    public const string Root = "internal/v1/clusters/orchestration/domains/{domain}";

    /// <summary>403 unless the request came with the internal app token (validated by the caller accessor already).</summary>
    public static void RequireInternal(HttpRequest request)
    {
        if (!request.Headers.ContainsKey(InternalCallOptions.Header))
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
    }

    public async Task<SparkJob> RequireJobAsync(string domain, string id, CancellationToken ct) =>
        await jobs.GetAsync(id, ct) is { } job && job.DomainId == domain ? job : throw new NotFoundException("Spark job", id);

    public async Task<JobOrchestrationView> ViewAsync(SparkJob job, CancellationToken ct) => new(
        job.Id, job.DomainId, job.Name, job.Namespace, job.Priority.ToString().ToUpperInvariant(), job.Concurrency.ToString().ToUpperInvariant(),
        job.JobUser, job.Template.MaxExecutionDurationSeconds is { } max ? (int)Math.Min(max, int.MaxValue) : null, await DemandAsync(job, ct),
        job.Template.ApplicationType ?? JobTemplate.Python, job.Flow.ToString().ToUpperInvariant());

    /// <summary>Driver plus executors (node type CPU and memory each); SQL jobs run on the embedded engine and ask nothing of the namespace.</summary>
    public async Task<ResourceDemandView> DemandAsync(SparkJob job, CancellationToken ct)
    {
        if (job.IsSql)
        {
            return new ResourceDemandView(0, 0, 0);
        }
        var instance = job.Template.InstanceConfig ?? new InstanceConfig();
        var driver = await nodeTypes.GetAsync("template.instanceConfig.driverType", instance.DriverType, SparkRole.Driver, ct);
        if (instance.SingleNodeDeployment ?? false)
        {
            return new ResourceDemandView(driver.CpuMillicores, driver.MemoryMiB, 1);
        }
        var executor = await nodeTypes.GetAsync("template.instanceConfig.executorType", instance.ExecutorType, SparkRole.Executor, ct);
        var count = Math.Max(1, instance.ExecutorCount ?? 1);
        return new ResourceDemandView(driver.CpuMillicores + (long)executor.CpuMillicores * count, driver.MemoryMiB + (long)executor.MemoryMiB * count, 1 + count);
    }
}
