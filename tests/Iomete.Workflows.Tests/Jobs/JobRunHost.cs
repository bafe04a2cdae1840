using Iomete.Platform;
using Iomete.Platform.Data;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Queues;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Workflows.Tests.Jobs;

/// <summary>The job-run orchestration on the in-memory Durable Task test host, over a temporary SQLite orchestrator database and a fake job service.</summary>
internal sealed class JobRunHost : IAsyncDisposable
{
    private readonly string dataDir;

    private JobRunHost(DurableTaskTestHost host, string dataDir)
    {
        Host = host;
        this.dataDir = dataDir;
    }

    public DurableTaskTestHost Host { get; }

    public DurableTaskClient Client => Host.Client;

    public WorkflowRunStore Runs => Host.Services.GetRequiredService<WorkflowRunStore>();

    public RunJournal Journal => Host.Services.GetRequiredService<RunJournal>();

    public JobQueueStore Queues => Host.Services.GetRequiredService<JobQueueStore>();

    public static async Task<JobRunHost> StartAsync(IJobService jobs, Dictionary<string, string?>? settings = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-jobruns-" + Guid.NewGuid().ToString("N"));
        var config = new Dictionary<string, string?>
        {
            ["Iomete:DataDir"] = dataDir,
            ["Iomete:Workflows:Queues:RecheckSeconds"] = "1",
            ["Iomete:Workflows:JobRuns:PollSeconds"] = "1",
            ["Iomete:Workflows:JobRuns:SubmitRetryDelaySeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }
        var host = await DurableTaskTestHost.StartAsync(WorkflowTasks.Register, new DurableTaskTestHostOptions
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
                services.AddLogging();
                services.AddIometePlatform();
                services.AddServiceDatabase(WorkflowsRegistration.Service, typeof(WorkflowsRegistration).Assembly);
                services.AddSingleton<WorkflowRunStore>();
                services.AddSingleton<RunJournal>();
                services.AddSingleton(jobs);
                services.AddJobRuns();
            },
        });
        return new JobRunHost(host, dataDir);
    }

    /// <summary>Records a PENDING run and starts its orchestration.</summary>
    public async Task<string> StartRunAsync(JobRunRequest? request = null, string? runId = null)
    {
        var id = runId ?? Guid.NewGuid().ToString("N");
        await Runs.InsertAsync(new WorkflowRun
        {
            Id = id, DomainId = "d1", Kind = RunKind.Job, Name = "nightly", JobId = "job-1", Namespace = "ns-a", CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        await Client.ScheduleNewOrchestrationInstanceAsync(JobRunNames.Orchestration,
            (request ?? new JobRunRequest { RunId = id, DomainId = "d1", JobId = "job-1" }) with { RunId = id },
            new Microsoft.DurableTask.StartOrchestrationOptions(id));
        return id;
    }

    public async Task<JobRunOutcome> WaitAsync(string runId, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var done = await Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage} {done.FailureDetails?.StackTrace}");
        return done.ReadOutputAs<JobRunOutcome>()!;
    }

    /// <summary>Waits until the run's log has a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string runId, string text, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if ((await LogAsync(runId)).Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"The log of run {runId} never said '{text}': {string.Join(" | ", await LogAsync(runId))}");
    }

    public async Task<IReadOnlyList<string>> LogAsync(string runId) =>
        (await Journal.EventsAsync(runId, 0, 1000, [RunEventKind.Log], CancellationToken.None)).Select(e => e.Message).ToList();

    public async Task<IReadOnlyList<WorkflowRunState>> StatesAsync(string runId) =>
        (await Journal.EventsAsync(runId, 0, 1000, [RunEventKind.State], CancellationToken.None)).Select(e => e.State!.Value).ToList();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
