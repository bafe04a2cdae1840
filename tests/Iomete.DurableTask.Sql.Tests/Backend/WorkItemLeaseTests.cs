using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Iomete.DurableTask.Sql.Backend;
using Iomete.Testing;

namespace Iomete.DurableTask.Sql.Tests.Backend;

/// <summary>Leases, dedupe and the backlog at the service's own interface, with two services on one task hub.</summary>
public abstract class WorkItemLeaseTests(DatabaseTarget target)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [ServiceFact]
    public async Task HeldOrchestration_StaysWithItsHolder_WhileTheLeaseIsRenewed()
    {
        var settings = target.NewHub(Lease);
        await using var a = await StartedAsync(settings);
        await using var b = await StartedAsync(settings);
        await StartInstanceAsync(a, "held");

        var workItem = await a.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal("held", workItem.InstanceId);
        await Task.Delay(Lease * 2);

        Assert.Null(await b.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));
    }

    [ServiceFact]
    public async Task OrchestrationLease_OfAHolderThatStoppedRenewing_GoesToAnother_AndTheOldCompletionFails()
    {
        var settings = target.NewHub(Lease);
        await using var a = await StartedAsync(settings);
        await using var b = await StartedAsync(settings);
        await StartInstanceAsync(a, "orphan");
        var lost = await a.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        await a.StopAsync();
        var taken = await b.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal("orphan", taken.InstanceId);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(taken.NewMessages).Event);
        await Assert.ThrowsAsync<SqlLeaseLostException>(() => ScheduleActivityAsync(a, lost));
        await ScheduleActivityAsync(b, taken);
        var backlog = await b.GetBacklogAsync(CancellationToken.None);
        Assert.Equal(new SqlBacklog(0, 1), backlog);
    }

    [ServiceFact]
    public async Task ActivityLease_OfAHolderThatStoppedRenewing_GoesToAnother_AndOnlyOneResultIsStored()
    {
        var settings = target.NewHub(Lease);
        await using var a = await StartedAsync(settings);
        await using var b = await StartedAsync(settings);
        await StartInstanceAsync(a, "work");
        await ScheduleActivityAsync(a, await a.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        var lost = await a.LockNextTaskActivityWorkItem(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Null(await b.LockNextTaskActivityWorkItem(TimeSpan.FromMilliseconds(300), CancellationToken.None));

        await a.StopAsync();
        var taken = await b.LockNextTaskActivityWorkItem(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(lost.Id, taken.Id);
        await Assert.ThrowsAsync<SqlLeaseLostException>(() => a.CompleteTaskActivityWorkItemAsync(lost, Result(lost, "from a")));
        await b.CompleteTaskActivityWorkItemAsync(taken, Result(taken, "from b"));
        var next = await b.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        var completed = Assert.IsType<TaskCompletedEvent>(Assert.Single(next.NewMessages).Event);
        Assert.Equal("from b", completed.Result);
    }

    [ServiceFact]
    public async Task Create_WithAnIdWhoseStatusIsInDedupeStatuses_Throws_AndStoresNothing()
    {
        await using var a = await StartedAsync(target.NewHub());
        await StartInstanceAsync(a, "fire-1");

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => StartInstanceAsync(a, "fire-1", [OrchestrationStatus.Pending]));
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => StartInstanceAsync(a, "fire-1", null));

        Assert.Equal(new SqlBacklog(1, 0), await a.GetBacklogAsync(CancellationToken.None));
    }

    [ServiceFact]
    public async Task CreateIfNotExists_FromTwoServicesAtOnce_Succeeds()
    {
        var settings = target.NewHub();
        await using var a = new SqlOrchestrationService(settings);
        await using var b = new SqlOrchestrationService(settings);

        await Task.WhenAll(a.CreateIfNotExistsAsync(), b.CreateIfNotExistsAsync(), a.CreateIfNotExistsAsync());

        Assert.Equal(new SqlBacklog(0, 0), await b.GetBacklogAsync(CancellationToken.None));
    }

    private static async Task<SqlOrchestrationService> StartedAsync(SqlOrchestrationServiceSettings settings)
    {
        var service = new SqlOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        await service.StartAsync();
        return service;
    }

    private static Task StartInstanceAsync(SqlOrchestrationService service, string id, OrchestrationStatus[]? dedupe = null)
    {
        var instance = new OrchestrationInstance { InstanceId = id, ExecutionId = Guid.NewGuid().ToString("N") };
        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, "\"in\"") { Name = "manual", OrchestrationInstance = instance },
        };
        return dedupe is null && id != "fire-1"
            ? service.CreateTaskOrchestrationAsync(message)
            : service.CreateTaskOrchestrationAsync(message, dedupe);
    }

    /// <summary>What a dispatcher does for an orchestrator that schedules one activity.</summary>
    private static Task ScheduleActivityAsync(SqlOrchestrationService service, TaskOrchestrationWorkItem workItem)
    {
        var state = workItem.OrchestrationRuntimeState;
        state.AddEvent(new OrchestratorStartedEvent(-1));
        foreach (var message in workItem.NewMessages)
        {
            state.AddEvent(message.Event);
        }
        var scheduled = new TaskScheduledEvent(0, "act", null, "\"x\"");
        state.AddEvent(scheduled);
        state.AddEvent(new OrchestratorCompletedEvent(-1));
        var outbound = new TaskMessage { Event = scheduled, OrchestrationInstance = state.OrchestrationInstance };
        return service.CompleteTaskOrchestrationWorkItemAsync(workItem, state, [outbound], [], [], null!, null!);
    }

    private static TaskMessage Result(TaskActivityWorkItem workItem, string result) => new()
    {
        OrchestrationInstance = workItem.TaskMessage.OrchestrationInstance,
        Event = new TaskCompletedEvent(-1, ((TaskScheduledEvent)workItem.TaskMessage.Event).EventId, result),
    };
}
