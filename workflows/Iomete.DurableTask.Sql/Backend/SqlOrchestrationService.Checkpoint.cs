using DurableTask.Core;
using DurableTask.Core.History;

namespace Iomete.DurableTask.Sql.Backend;

public sealed partial class SqlOrchestrationService
{
    /// <summary>
    /// Stores one orchestration step in one transaction: the instance row, the new history (a new execution drops the
    /// old one), the consumed messages deleted, and every outbound activity, orchestration, timer and sub-orchestration
    /// message inserted; the lease is released. Fails with <see cref="SqlLeaseLostException"/> (nothing stored) when
    /// the lease is no longer ours.
    /// </summary>
    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        var held = Held(workItem);
        var state = newOrchestrationRuntimeState;
        var now = NowMs();
        var ct = CancellationToken.None;
        var instance = state.OrchestrationInstance
            ?? throw new ArgumentException("The runtime state has no orchestration instance.", nameof(newOrchestrationRuntimeState));
        var row = CheckpointRow(workItem.InstanceId, instance.ExecutionId, state, orchestrationState, now, held.Token);
        // Everything is serialized before the transaction: on SQLite it holds the one writer.
        var first = state.PastEvents.Count;
        var history = state.NewEvents.Select((e, i) => new
        {
            row.InstanceId,
            row.ExecutionId,
            Seq = first + i,
            EventType = (int)e.EventType,
            EventTime = Mapping.ToMs(e.Timestamp),
            Payload = DtJson.Serialize(e),
        }).ToList();
        var tasks = outboundMessages.Select(m => Mapping.TaskParameters(m, now)).ToList();
        var messages = orchestratorMessages.Concat(timerMessages)
            .Append(continuedAsNewMessage).OfType<TaskMessage>()
            .Select(m => (Started: m.Event as ExecutionStartedEvent, Parameters: Mapping.MessageParameters(m, now)))
            .ToList();

        await using (var write = await _db.BeginWriteAsync(ct))
        {
            if (await write.ExecuteAsync(_sql.CheckpointInstance, row, ct) == 0)
            {
                _heldOrchestrations.TryRemove(workItem.InstanceId, out _);
                throw LeaseLost("orchestration", workItem.InstanceId);
            }
            if (row.ExecutionId != held.ExecutionId)
            {
                await write.ExecuteAsync(_sql.DeleteOtherExecutions, new { id = row.InstanceId, executionId = row.ExecutionId }, ct);
            }
            if (history.Count > 0)
            {
                await write.ExecuteAsync(_sql.InsertHistory, history, ct);
            }
            if (held.ConsumedSeqs.Count > 0)
            {
                await write.ExecuteAsync(_sql.DeleteMessages, new { seqs = held.ConsumedSeqs.ToArray() }, ct);
            }
            if (tasks.Count > 0)
            {
                await write.ExecuteAsync(_sql.InsertTask, tasks, ct);
            }
            foreach (var (started, parameters) in messages)
            {
                await EnqueueOrchestratorMessageAsync(write, started, parameters, now, ct);
            }
            await write.CommitAsync(ct);
        }

        _heldOrchestrations.TryRemove(workItem.InstanceId, out _);
        if (outboundMessages.Count > 0)
        {
            _activityWork.Set();
        }
        if (orchestratorMessages.Count > 0 || continuedAsNewMessage is not null)
        {
            _orchestrationWork.Set();
        }
        if (Mapping.IsTerminal(row.Status))
        {
            _waiters.Finished(row.InstanceId);
        }
    }

    /// <summary>A sub-orchestration start creates its instance (unless an active one has that id); others are plain messages.</summary>
    private async Task EnqueueOrchestratorMessageAsync(WriteScope write, ExecutionStartedEvent? started, object parameters, long now, CancellationToken ct)
    {
        if (started is not null)
        {
            if (!await TryCreateInstanceAsync(write, started, Mapping.ActiveStatuses, now, ct))
            {
                Log.SubOrchestrationExists(_log, started.OrchestrationInstance.InstanceId);
                return;
            }
        }
        await write.ExecuteAsync(_sql.InsertMessage, parameters, ct);
    }

    private static InstanceRow CheckpointRow(string instanceId, string executionId, OrchestrationRuntimeState state, OrchestrationState? status, long now, string token)
    {
        var failure = status?.FailureDetails
            ?? (state.ExecutionCompletedEvent as ExecutionCompletedEvent)?.FailureDetails;
        var completed = state.ExecutionCompletedEvent is { } done ? Mapping.ToMs(done.Timestamp) : (long?)null;
        return new InstanceRow
        {
            InstanceId = instanceId,
            ExecutionId = executionId,
            Name = state.Name ?? "",
            Version = state.Version,
            Status = (int)state.OrchestrationStatus,
            UpdatedAt = now,
            CompletedAt = completed,
            Input = state.Input,
            Output = state.Output,
            CustomStatus = state.Status,
            Failure = failure is null ? null : DtJson.Serialize(failure),
            Tags = state.Tags is { Count: > 0 } tags ? DtJson.Serialize(tags) : null,
            Token = token,
        };
    }
}
