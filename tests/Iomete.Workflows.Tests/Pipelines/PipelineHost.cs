using Iomete.Platform;
using Iomete.Platform.Data;
using Iomete.Workflows.Pipelines;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iomete.Workflows.Tests.Pipelines;

/// <summary>
/// The Durable Task test host with the platform's run activities, the pipeline orchestration and a fake job-run orchestration,
/// over a temporary SQLite orchestrator database.
/// </summary>
public sealed class PipelineHost : IAsyncLifetime
{
    public const string Domain = "default";

    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "iomete-pipelines-" + Guid.NewGuid().ToString("N")[..12]);
    private DurableTaskTestHost? host;

    public FakeJobs Jobs { get; } = new();

    public DurableTaskClient Client => host!.Client;

    public PipelineStore Pipelines => host!.Services.GetRequiredService<PipelineStore>();

    public PipelineLauncher Launcher => host!.Services.GetRequiredService<PipelineLauncher>();

    public WorkflowRunStore Runs => host!.Services.GetRequiredService<WorkflowRunStore>();

    public RunJournal Journal => host!.Services.GetRequiredService<RunJournal>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        host = await DurableTaskTestHost.StartAsync(registry =>
        {
            // Not WorkflowTasks.Register: the real job-run orchestration would clash with the fake under the same name.
            registry.AddActivity<CreateRunActivity>();
            registry.AddActivity<MoveRunActivity>();
            registry.AddActivity<SaveRunTaskActivity>();
            registry.AddActivity<LogRunActivity>();
            PipelineTasks.Register(registry);
            registry.AddOrchestrator<FakeJobRunOrchestration>();
            registry.AddActivity<FakeJobActivity>();
        }, new DurableTaskTestHostOptions
        {
            LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning)),
            ConfigureServices = services =>
            {
                services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?> { ["Iomete:DataDir"] = dataDir }).Build());
                services.AddIometePlatform();
                services.AddServiceDatabase(WorkflowsRegistration.Service, typeof(WorkflowsRegistration).Assembly);
                services.AddSingleton<WorkflowRunStore>();
                services.AddSingleton<RunJournal>();
                PipelinesRegistration.AddPipelinesAndMetrics(services);
                services.AddSingleton(Jobs);
            },
        });
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file; the OS cleans temp later.
        }
    }

    /// <summary>A stored pipeline of these nodes.</summary>
    public async Task<Pipeline> PipelineAsync(IReadOnlyList<PipelineNode> nodes, IReadOnlyDictionary<string, string>? parameters = null)
    {
        PipelineGraph.Validate(nodes);
        var now = DateTimeOffset.UtcNow;
        return await Pipelines.CreateAsync(new Pipeline
        {
            Id = Guid.NewGuid().ToString(),
            DomainId = Domain,
            Name = "p-" + Guid.NewGuid().ToString("N")[..8],
            ResourceBundleId = "bundle",
            Nodes = nodes,
            Parameters = parameters ?? new Dictionary<string, string>(),
            CreatedBy = "tester",
            CreatedAt = now,
            UpdatedAt = now,
        }, CancellationToken.None);
    }

    /// <summary>Waits for the run's orchestration to end and returns its result.</summary>
    public async Task<PipelineRunResult> WaitAsync(string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instance = await Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
        return instance.ReadOutputAs<PipelineRunResult>()!;
    }

    public static PipelineNode Node(string key, string jobId, params (string Node, DependencyCondition Condition)[] dependsOn) =>
        new() { Key = key, JobId = jobId, DependsOn = dependsOn.Select(d => new PipelineDependency(d.Node, d.Condition)).ToList() };

    public static (string, DependencyCondition) OnSuccess(string node) => (node, DependencyCondition.OnSuccess);

    public static (string, DependencyCondition) OnFailure(string node) => (node, DependencyCondition.OnFailure);

    public static (string, DependencyCondition) Always(string node) => (node, DependencyCondition.Always);
}
