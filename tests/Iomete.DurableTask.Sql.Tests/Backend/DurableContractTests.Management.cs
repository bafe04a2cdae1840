using Iomete.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.DurableTask.Sql.Tests.Backend;

public abstract partial class DurableContractTests
{
    private static void AddWaiter(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string, string>("waiter", async (context, _) => await context.WaitForExternalEvent<string>("go"))
        .AddOrchestratorFunc<string, string>("echo", (_, input) => Task.FromResult(input));

    [ServiceFact]
    public async Task Terminate_EndsAWaitingOrchestration_WithTheReason()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), AddWaiter);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("waiter", "x");
        await host.Client.WaitForInstanceStartAsync(id);

        await host.Client.TerminateInstanceAsync(id, "stop now");
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Contains("stop now", done.SerializedOutput ?? "", StringComparison.Ordinal);
    }

    [ServiceFact]
    public async Task SuspendAndResume_HoldEventsUntilResumed()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), AddWaiter);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("waiter", "x");
        await host.Client.WaitForInstanceStartAsync(id);

        await host.Client.SuspendInstanceAsync(id, "hold");
        await WaitForStatusAsync(host, id, OrchestrationRuntimeStatus.Suspended);
        await host.Client.RaiseEventAsync(id, "go", "late");
        await Task.Delay(500);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await host.Client.ResumeInstanceAsync(id, "go on");
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("late", done.ReadOutputAs<string>());
    }

    [ServiceFact]
    public async Task ScheduleWithAnExistingInstanceId_WhileItIsActive_IsRefused()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), AddWaiter);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("waiter", "x", new StartOrchestrationOptions("fire-2026-01-01T00:00"));

        await Assert.ThrowsAnyAsync<Exception>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(
            "waiter", "y", new StartOrchestrationOptions("fire-2026-01-01T00:00")));

        var state = await host.Client.GetInstanceAsync("fire-2026-01-01T00:00", getInputsAndOutputs: true);
        Assert.Equal("\"x\"", state!.SerializedInput);
    }

    [ServiceFact]
    public async Task ScheduleWithACompletedInstanceId_AndDedupeOnCompleted_IsRefused_ButReplacedWithoutIt()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), AddWaiter);
        await host.RunAsync("echo", "first", "run-1");

        var dedupe = new StartOrchestrationOptions("run-1").WithDedupeStatuses(OrchestrationRuntimeStatus.Completed);
        await Assert.ThrowsAsync<global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("echo", "second", dedupe));
        Assert.Equal("first", (await host.WaitAsync("run-1")).ReadOutputAs<string>());

        await host.Client.ScheduleNewOrchestrationInstanceAsync("echo", "third", new StartOrchestrationOptions("run-1"));
        var replaced = await WaitForOutputAsync(host, "run-1", "\"third\"");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, replaced.RuntimeStatus);
    }

    [ServiceFact]
    public async Task Purge_ById_AndByFilter_DeletesOnlyFinishedInstances()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), AddWaiter);
        foreach (var i in Enumerable.Range(0, 3))
        {
            await host.RunAsync("echo", $"v{i}", $"done-{i}");
        }
        var active = await host.Client.ScheduleNewOrchestrationInstanceAsync("waiter", "x", new StartOrchestrationOptions("active"));
        await host.Client.WaitForInstanceStartAsync(active);

        Assert.Equal(1, (await host.Client.PurgeInstanceAsync("done-0")).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("done-0"));
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync("active")).PurgedInstanceCount);
        var purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)));

        Assert.Equal(2, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("done-1"));
        Assert.NotNull(await host.Client.GetInstanceAsync("active"));
        Assert.Empty(await host.Service.GetHistoryAsync("done-2", null, CancellationToken.None));
    }

    [ServiceFact]
    public async Task Query_FiltersByStatusAndPrefix_AndPagesWithAContinuationToken()
    {
        await using var host = await DurableHost.StartAsync(Target.NewHub(), AddWaiter);
        foreach (var i in Enumerable.Range(0, 5))
        {
            await host.RunAsync("echo", $"v{i}", $"job-a-{i}");
        }
        await host.RunAsync("echo", "other", "job-b-0");
        var waiting = await host.Client.ScheduleNewOrchestrationInstanceAsync("waiter", "x", new StartOrchestrationOptions("job-a-9"));
        await host.Client.WaitForInstanceStartAsync(waiting);

        var completedA = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await host.Service.GetOrchestrationWithQueryAsync(new global::DurableTask.Core.Query.OrchestrationQuery
            {
                InstanceIdPrefix = "job-a-",
                RuntimeStatus = [global::DurableTask.Core.OrchestrationStatus.Completed],
                PageSize = 2,
                ContinuationToken = token,
            }, CancellationToken.None);
            completedA.AddRange(page.OrchestrationState.Select(s => s.OrchestrationInstance.InstanceId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"job-a-{i}"), completedA);
        Assert.Equal(3, pages);
        var viaClient = await host.Client.GetAllInstancesAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = "job-",
            Statuses = [OrchestrationRuntimeStatus.Running],
        }).ToListAsync();
        Assert.Equal("job-a-9", Assert.Single(viaClient).InstanceId);
        var created = await host.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = DateTimeOffset.UtcNow.AddMinutes(1) }).ToListAsync();
        Assert.Empty(created);
    }

    private static async Task WaitForStatusAsync(DurableHost host, string id, OrchestrationRuntimeStatus status)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await host.Client.GetInstanceAsync(id))?.RuntimeStatus == status)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"{id} never reached {status}.");
    }

    private static async Task<OrchestrationMetadata> WaitForOutputAsync(DurableHost host, string id, string output)
    {
        for (var i = 0; i < 100; i++)
        {
            var state = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (state?.SerializedOutput == output)
            {
                return state;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"{id} never produced {output}.");
    }
}
