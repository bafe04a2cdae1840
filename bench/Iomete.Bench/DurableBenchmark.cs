using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DurableTask.Core;
using DurableTask.Core.History;
using Iomete.DurableTask.Sql.Backend;
using Iomete.DurableTask.Sql.Hosting;
using Iomete.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;

namespace Iomete.Bench;

/// <summary>
/// Issue 7's benchmark: orchestrations of 5 sequential no-op activities, kept at a fixed number in flight for N
/// seconds, through the in-process sidecar + Microsoft.DurableTask worker and client, on the SQL backend (SQLite
/// file; PostgreSQL when a server can start here) side by side with the in-memory test backend in the same run.
/// A work item is one orchestration or activity work item completed by the backend (one orchestration of 5
/// activities = 6 orchestration + 5 activity work items), counted where the dispatchers complete them.
/// Scheduled → started is the activity's TaskScheduledEvent timestamp (set when the orchestrator step that
/// scheduled it is processed) to the moment the backend hands the activity work item to the dispatcher.
/// </summary>
internal static class DurableBenchmark
{
    private const int InFlight = 64;
    private const int Concurrency = 100;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var seconds = TimeSpan.FromSeconds(options.Seconds);
        var folder = Path.Combine(Path.GetTempPath(), "iomete-durable-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var results = new List<Result>();
        try
        {
            var memory = new InMemoryOrchestrationService();
            results.Add(await MeasureAsync("in-memory (baseline)", memory, memory, seconds));
            await using (var sqlite = new SqlOrchestrationService(Settings(SqlProvider.Sqlite, $"Data Source={Path.Combine(folder, "hub.db")}")))
            {
                results.Add(await MeasureAsync("SQLite file", sqlite, sqlite, seconds));
            }
            if (PostgresServer.MissingReason() is null)
            {
                await using var server = await PostgresServer.StartAsync();
                await using var postgres = new SqlOrchestrationService(Settings(SqlProvider.Postgres, server.ConnectionString));
                results.Add(await MeasureAsync("PostgreSQL 15 (fsync off)", postgres, postgres, seconds));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return Report(results, options.Seconds);
    }

    private static SqlOrchestrationServiceSettings Settings(SqlProvider provider, string connectionString) => new()
    {
        Provider = provider,
        ConnectionString = connectionString,
        MaxConcurrentOrchestrations = Concurrency,
        MaxConcurrentActivities = Concurrency,
    };

    private static async Task<Result> MeasureAsync(string name, IOrchestrationService service, IOrchestrationServiceClient client, TimeSpan duration)
    {
        var timed = new TimedService(service);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IOrchestrationService>(timed);
        builder.Services.AddSingleton(client);
        builder.Services.AddDurableTaskOverSidecar(tasks => tasks
            .AddOrchestratorFunc<int, int>("five", async (context, input) =>
            {
                var value = input;
                for (var i = 0; i < 5; i++)
                {
                    value = await context.CallActivityAsync<int>("step", value);
                }
                return value;
            })
            .AddActivityFunc<int, int>("step", (_, value) => value + 1));
        using var host = builder.Build();
        await host.StartAsync();
        var durableClient = host.Services.GetRequiredService<DurableTaskClient>();
        using var stop = new CancellationTokenSource();
        var completed = 0;
        var drivers = Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = await durableClient.ScheduleNewOrchestrationInstanceAsync("five", 0, CancellationToken.None);
                var done = await durableClient.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, CancellationToken.None);
                if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                {
                    throw new InvalidOperationException($"{id} ended {done.RuntimeStatus}.");
                }
                Interlocked.Increment(ref completed);
            }
        })).ToList();
        await Task.Delay(Warmup);
        timed.StartMeasuring();
        var clock = Stopwatch.StartNew();
        var completedBefore = Volatile.Read(ref completed);
        await Task.Delay(duration);
        var (workItems, latencies) = timed.StopMeasuring();
        var elapsed = clock.Elapsed;
        var orchestrations = Volatile.Read(ref completed) - completedBefore;
        await stop.CancelAsync();
        await Task.WhenAll(drivers);
        await host.StopAsync();
        latencies.Sort();
        return new Result(name, workItems / elapsed.TotalSeconds, orchestrations / elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Report(List<Result> results, int seconds)
    {
        var baseline = results[0].WorkItemsPerSecond;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Durable backend: orchestrations of 5 sequential activities ({seconds} s each, {InFlight} in flight, {Environment.ProcessorCount} cores)");
        text.AppendLine();
        text.AppendLine("| Backend | Work items/s | Orchestrations/s | vs in-memory | Activity scheduled → started p50 | p99 | Samples |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.WorkItemsPerSecond:F0} | {r.OrchestrationsPerSecond:F1} | {r.WorkItemsPerSecond / baseline:P0} | {r.P50Ms:F1} ms | {r.P99Ms:F1} ms | {r.Samples} |");
        }
        text.AppendLine();
        text.AppendLine("Work items = orchestration + activity work items completed by the backend (6 + 5 per orchestration). " +
            "Scheduled → started: TaskScheduledEvent timestamp to the activity work item's hand-over to the dispatcher.");
        return text.ToString();
    }

    private sealed record Result(string Name, double WorkItemsPerSecond, double OrchestrationsPerSecond, double P50Ms, double P99Ms, int Samples);

    /// <summary>The backend under test with counters: work items completed and activity pick-up latency, while measuring.</summary>
    private sealed class TimedService(IOrchestrationService inner) : IOrchestrationService
    {
        private readonly ConcurrentQueue<double> _latencies = new();
        private long _workItems;
        private volatile bool _measuring;

        public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

        // The same limits for every backend (the in-memory one defaults to the core count).
        public int MaxConcurrentTaskOrchestrationWorkItems => Concurrency;

        public int MaxConcurrentTaskActivityWorkItems => Concurrency;

        public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

        public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

        public void StartMeasuring()
        {
            _latencies.Clear();
            Interlocked.Exchange(ref _workItems, 0);
            _measuring = true;
        }

        public (long WorkItems, List<double> LatenciesMs) StopMeasuring()
        {
            _measuring = false;
            return (Interlocked.Read(ref _workItems), [.. _latencies]);
        }

        public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
        {
            var item = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
            if (_measuring && item?.TaskMessage.Event is TaskScheduledEvent scheduled)
            {
                _latencies.Enqueue((DateTime.UtcNow - scheduled.Timestamp).TotalMilliseconds);
            }
            return item!;
        }

        public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
        {
            await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
            Count();
        }

        public async Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
            IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
            TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
        {
            await inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages,
                orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
            Count();
        }

        private void Count()
        {
            if (_measuring)
            {
                Interlocked.Increment(ref _workItems);
            }
        }

        public Task StartAsync() => inner.StartAsync();

        public Task StopAsync() => inner.StopAsync();

        public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

        public Task CreateAsync() => inner.CreateAsync();

        public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

        public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

        public Task DeleteAsync() => inner.DeleteAsync();

        public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

        public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
            inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

        public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

        public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

        public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
            inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

        public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

        public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

        public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

        public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

        public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);
    }
}
