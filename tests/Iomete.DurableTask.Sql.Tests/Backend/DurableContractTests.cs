using System.Collections.Concurrent;
using Iomete.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.DurableTask.Sql.Tests.Backend;

/// <summary>
/// The backend's contract, driven through the real Microsoft.DurableTask worker and client over the sidecar.
/// Run against SQLite and PostgreSQL by the subclasses; every test gets its own task hub.
/// </summary>
public abstract partial class DurableContractTests(DatabaseTarget target)
{
    protected DatabaseTarget Target { get; } = target;

    [ServiceFact]
    public async Task Sequence_OfFiveActivities_RunsInOrder()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<string, string>("sequence", async (context, start) =>
            {
                var value = start;
                for (var i = 0; i < 5; i++)
                {
                    value = await context.CallActivityAsync<string>("append", $"{value}|{i}");
                }
                return value;
            })
            .AddActivityFunc<string, string>("append", (_, value) => value + "."));

        var done = await host.RunAsync("sequence", "s");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("s|0.|1.|2.|3.|4.", done.ReadOutputAs<string>());
    }

    [ServiceFact]
    public async Task FanOutFanIn_RunsEveryActivity_AndCombinesTheResults()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<int, int>("fan", async (context, count) =>
            {
                var parts = Enumerable.Range(1, count).Select(i => context.CallActivityAsync<int>("square", i));
                return (await Task.WhenAll(parts)).Sum();
            })
            .AddActivityFunc<int, int>("square", (_, i) => i * i));

        var done = await host.RunAsync("fan", 20);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 20).Sum(i => i * i), done.ReadOutputAs<int>());
    }

    [ServiceFact]
    public async Task DurableTimer_FiresOnTime_NotEarly()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<int, string>("sleep", async (context, ms) =>
            {
                var fireAt = context.CurrentUtcDateTime.AddMilliseconds(ms);
                await context.CreateTimer(fireAt, CancellationToken.None);
                return fireAt.ToString("O");
            }));

        var done = await host.RunAsync("sleep", 1500);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var fireAt = DateTime.Parse(done.ReadOutputAs<string>()!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        var history = await host.Service.GetHistoryAsync(done.InstanceId, null, CancellationToken.None);
        var fired = Assert.Single(history.OfType<global::DurableTask.Core.History.TimerFiredEvent>());
        var orchestratorRan = history.OfType<global::DurableTask.Core.History.OrchestratorStartedEvent>().Last().Timestamp;
        Assert.True(orchestratorRan >= fireAt, $"The timer fired early: {orchestratorRan:O} < {fireAt:O}.");
        Assert.True(orchestratorRan - fireAt < TimeSpan.FromMilliseconds(1000), $"The timer fired late: {orchestratorRan - fireAt}.");
        Assert.Equal(fireAt, fired.FireAt);
    }

    [ServiceFact]
    public async Task SubOrchestration_RunsAndReturnsItsResultToTheParent()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<string, string>("parent", async (context, name) =>
                "parent(" + await context.CallSubOrchestratorAsync<string>("child", name) + ")")
            .AddOrchestratorFunc<string, string>("child", async (context, name) =>
                await context.CallActivityAsync<string>("upper", name))
            .AddActivityFunc<string, string>("upper", (_, name) => name.ToUpperInvariant()));

        var done = await host.RunAsync("parent", "lake");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("parent(LAKE)", done.ReadOutputAs<string>());
    }

    [ServiceFact]
    public async Task ExternalEvent_RaisedBeforeTheOrchestratorWaits_IsDelivered()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<string, string>("approve", async (context, _) =>
            {
                await context.CreateTimer(TimeSpan.FromMilliseconds(800), CancellationToken.None);
                var first = await context.WaitForExternalEvent<string>("go");
                var second = await context.WaitForExternalEvent<string>("go");
                return first + second;
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("approve", "x");
        await host.Client.RaiseEventAsync(id, "go", "a");
        await host.Client.WaitForInstanceStartAsync(id);
        await Task.Delay(1500);
        await host.Client.RaiseEventAsync(id, "go", "b");
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ab", done.ReadOutputAs<string>());
    }

    [ServiceFact]
    public async Task FailingActivity_WithARetryPolicy_IsRetriedUntilItSucceeds()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<string, string>("retrying", async (context, key) =>
                await context.CallActivityAsync<string>("flaky", key, TaskOptions.FromRetryPolicy(
                    new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromMilliseconds(100)))))
            .AddActivityFunc<string, string>("flaky", (_, key) =>
            {
                var attempt = attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
                return attempt < 3 ? throw new InvalidOperationException($"attempt {attempt} fails") : $"ok after {attempt}";
            }));

        var done = await host.RunAsync("retrying", "k");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ok after 3", done.ReadOutputAs<string>());
        Assert.Equal(3, attempts["k"]);
    }

    [ServiceFact]
    public async Task FailingActivity_PastItsRetries_FailsTheOrchestrationWithDetails()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<string, string>("doomed", async (context, key) =>
                await context.CallActivityAsync<string>("broken", key, TaskOptions.FromRetryPolicy(
                    new RetryPolicy(maxNumberOfAttempts: 2, firstRetryInterval: TimeSpan.FromMilliseconds(50)))))
            .AddActivityFunc<string, string>("broken", string (_, _) => throw new InvalidOperationException("always broken")));

        var done = await host.RunAsync("doomed", "k");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("always broken", done.FailureDetails?.ToString() ?? "", StringComparison.Ordinal);
    }

    [ServiceFact]
    public async Task ContinueAsNew_StartsAFreshHistory_AndCarriesTheState()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), tasks => tasks
            .AddOrchestratorFunc<int, int>("counter", async (context, n) =>
            {
                var next = await context.CallActivityAsync<int>("inc", n);
                if (next < 5)
                {
                    context.ContinueAsNew(next);
                }
                return next;
            })
            .AddActivityFunc<int, int>("inc", (_, n) => n + 1));

        var done = await host.RunAsync("counter", 0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(5, done.ReadOutputAs<int>());
        var history = await host.Service.GetHistoryAsync(done.InstanceId, null, CancellationToken.None);
        var started = Assert.Single(history.OfType<global::DurableTask.Core.History.ExecutionStartedEvent>());
        Assert.Equal("4", started.Input);
        Assert.Single(history.OfType<global::DurableTask.Core.History.TaskScheduledEvent>());
    }
}
