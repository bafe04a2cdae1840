using Dapper;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;

namespace Iomete.DurableTask.Sql.Backend;

public sealed partial class SqlOrchestrationService
{
    private static readonly TimeSpan WaitPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Creates an instance unless one with this id is Pending, Running or Suspended.</summary>
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        CreateTaskOrchestrationAsync(creationMessage, Mapping.ActiveStatuses);

    /// <summary>
    /// Creates the instance, or replaces an existing one (its history and pending messages are dropped) unless its
    /// status is one of <paramref name="dedupeStatuses"/>: then <see cref="OrchestrationAlreadyExistsException"/>.
    /// Null means the default (active statuses).
    /// </summary>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        if (creationMessage.Event is not ExecutionStartedEvent started)
        {
            throw new ArgumentException("A creation message carries an ExecutionStartedEvent.", nameof(creationMessage));
        }
        var now = NowMs();
        var ct = CancellationToken.None;
        var id = started.OrchestrationInstance.InstanceId;
        try
        {
            await using var write = await _db.BeginWriteAsync(ct);
            if (!await TryCreateInstanceAsync(write, started, dedupeStatuses ?? Mapping.ActiveStatuses, now, ct))
            {
                throw new OrchestrationAlreadyExistsException($"An orchestration with id '{id}' already exists.");
            }
            await write.ExecuteAsync(_sql.InsertMessage, Mapping.MessageParameters(creationMessage, now), ct);
            await write.CommitAsync(ct);
        }
        catch (Exception ex) when (_db.IsUniqueViolation(ex))
        {
            // Another process created the same instance between our check and insert.
            throw new OrchestrationAlreadyExistsException($"An orchestration with id '{id}' already exists.");
        }
        _orchestrationWork.Set();
    }

    /// <summary>Inserts the instance row, or resets an existing one whose status is not in <paramref name="dedupe"/>.</summary>
    private async Task<bool> TryCreateInstanceAsync(WriteScope write, ExecutionStartedEvent started, OrchestrationStatus[] dedupe, long now, CancellationToken ct)
    {
        var row = Mapping.NewInstance(started, now);
        started.OrchestrationInstance.ExecutionId = row.ExecutionId;
        var existing = await write.QuerySingleOrDefaultAsync<int?>(_sql.GetStatusForUpdate, new { id = row.InstanceId }, ct);
        if (existing is null)
        {
            await write.ExecuteAsync(_sql.InsertInstance, row, ct);
            return true;
        }
        if (dedupe.Contains((OrchestrationStatus)existing.Value))
        {
            return false;
        }
        foreach (var sql in _sql.DeleteInstanceData)
        {
            await write.ExecuteAsync(sql, new { id = row.InstanceId }, ct);
        }
        await write.ExecuteAsync(_sql.ResetInstance, row, ct);
        return true;
    }

    public async Task SendTaskOrchestrationMessageAsync(TaskMessage message) => await SendTaskOrchestrationMessageBatchAsync(message);

    public async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = NowMs();
        await using (var write = await _db.BeginWriteAsync(CancellationToken.None))
        {
            foreach (var message in messages)
            {
                await write.ExecuteAsync(_sql.InsertMessage, Mapping.MessageParameters(message, now), CancellationToken.None);
            }
            await write.CommitAsync(CancellationToken.None);
        }
        _orchestrationWork.Set();
    }

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = new ExecutionTerminatedEvent(-1, reason),
        });

    /// <summary>The instance's state; only the current execution is kept, so "all executions" is that one.</summary>
    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions)
    {
        var state = await GetOrchestrationStateAsync(instanceId, executionId: null);
        return state is null ? [] : [state];
    }

    public async Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string? executionId)
    {
        var row = await GetInstanceRowAsync(instanceId, CancellationToken.None);
        return row is not null && (executionId is null || executionId == row.ExecutionId) ? Mapping.ToState(row) : null!;
    }

    /// <summary>The history of the instance's current execution (or the given one if current) as a JSON array of events.</summary>
    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string? executionId)
    {
        var events = await GetHistoryAsync(instanceId, executionId, CancellationToken.None);
        return DtJson.Serialize(events);
    }

    /// <summary>The history events of the instance's current execution, in order (empty when unknown).</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, string? executionId, CancellationToken ct)
    {
        await using var read = await _db.OpenReadAsync(ct);
        var current = executionId ?? (await GetInstanceRowAsync(instanceId, ct))?.ExecutionId;
        if (current is null)
        {
            return [];
        }
        var payloads = await read.QueryAsync<string>(new CommandDefinition(
            _sql.LoadHistory, new { id = instanceId, executionId = current }, cancellationToken: ct));
        return payloads.Select(DtJson.Deserialize<HistoryEvent>).ToList();
    }

    /// <summary>Waits until the instance is Completed, Failed or Terminated; null when the timeout passes first.</summary>
    public async Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string? executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan || timeout <= TimeSpan.Zero ? DateTimeOffset.MaxValue : _time.GetUtcNow() + timeout;
        while (true)
        {
            var finished = _waiters.Watch(instanceId);
            var state = await GetOrchestrationStateAsync(instanceId, executionId);
            if (state is not null && Mapping.IsTerminal((int)state.OrchestrationStatus))
            {
                return state;
            }
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null!;
            }
            await Task.WhenAny(finished, Task.Delay(left < WaitPollInterval ? left : WaitPollInterval, _time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<InstanceRow?> GetInstanceRowAsync(string instanceId, CancellationToken ct)
    {
        await using var read = await _db.OpenReadAsync(ct);
        return await read.QuerySingleOrDefaultAsync<InstanceRow>(new CommandDefinition(_sql.GetInstance, new { id = instanceId }, cancellationToken: ct));
    }
}
