using Iomete.Platform;
using Iomete.Platform.Data;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Queues;
using Iomete.Workflows.Runs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iomete.Workflows.Tests.Queues;

/// <summary>Queue stores and admission over a temporary SQLite orchestrator database; <see cref="Replica"/> adds another process view of it.</summary>
internal sealed class QueueTestBed : IAsyncDisposable
{
    private readonly List<ServiceProvider> providers = [];
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "iomete-queues-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-11-29T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public Func<QueueEntry, CapacityCheck> Capacity { get; set; } = _ => new CapacityCheck(true, null, null);

    public Dictionary<string, string?> Settings { get; } = [];

    public (JobQueueStore Store, QueueAdmission Admission) Replica()
    {
        var config = new Dictionary<string, string?>(Settings) { ["Iomete:DataDir"] = dataDir };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddIometePlatform();
        services.AddServiceDatabase(WorkflowsRegistration.Service, typeof(WorkflowsRegistration).Assembly);
        services.AddSingleton<IJobService>(new CapacityOnly(this));
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section);
        services.AddSingleton<JobQueueStore>();
        services.AddSingleton<QueueAdmission>();
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return (provider.GetRequiredService<JobQueueStore>(), provider.GetRequiredService<QueueAdmission>());
    }

    public static QueueEntry Entry(string runId, RunPriority priority = RunPriority.Normal, string ns = "ns-q") => new()
    {
        RunId = runId,
        DomainId = "d1",
        Namespace = ns,
        Priority = priority,
        JobId = "job-" + runId,
        JobName = "job " + runId,
        Demand = new ResourceDemand(1000, 2048, 2),
        EnqueuedAt = DateTimeOffset.UnixEpoch,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class CapacityOnly(QueueTestBed bed) : IJobService
    {
        public Task<CapacityCheck> CheckCapacityAsync(string domainId, string @namespace, ResourceDemand demand, CancellationToken ct) =>
            Task.FromResult(bed.Capacity(QueueTestBed.Entry("any", ns: @namespace)));

        public Task<JobInfo> GetJobAsync(string domainId, string jobId, CancellationToken ct) => throw new InvalidOperationException("not used");

        public Task<JobInfo> GetJobAsUserAsync(string domainId, string jobId, string userId, string permission, CancellationToken ct) =>
            throw new InvalidOperationException("not used");

        public Task<string> SubmitAsync(JobSubmission submission, CancellationToken ct) => throw new InvalidOperationException("not used");

        public Task<JobServiceRun> GetRunAsync(string domainId, string externalRunId, CancellationToken ct) => throw new InvalidOperationException("not used");

        public Task CancelAsync(string domainId, string externalRunId, CancellationToken ct) => throw new InvalidOperationException("not used");
    }
}
