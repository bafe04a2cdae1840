using Dapper;
using DurableTask.Core;
using DurableTask.Core.History;

namespace Iomete.DurableTask.Sql.Backend;

public sealed partial class SqlOrchestrationService
{
    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        _renewal.Start();
        return (await PollAsync("orchestration", _orchestrationWork, TryLockOrchestrationAsync, receiveTimeout, cancellationToken))!;
    }

    private async Task<TaskOrchestrationWorkItem?> TryLockOrchestrationAsync(CancellationToken ct)
    {
        while (true)
        {
            if (_orchestrationBuffer.TryDequeue(out var buffered))
            {
                return buffered;
            }
            var now = NowMs();
            var token = NewToken();
            var expires = ExpiryMs(now);
            List<LockedInstanceRow> locked;
            await using (var write = await _db.BeginWriteAsync(ct))
            {
                locked = (await write.QueryAsync<LockedInstanceRow>(_sql.LockInstances,
                    new { owner = _settings.WorkerName, token, expires, now, batch = _settings.LockBatchSize }, ct)).AsList();
                await write.CommitAsync(ct);
            }
            if (locked.Count == 0)
            {
                return null;
            }
            foreach (var row in locked)
            {
                if (await LoadWorkItemAsync(row, token, expires, now, ct) is { } workItem)
                {
                    _orchestrationBuffer.Enqueue(workItem);
                }
            }
        }
    }

    /// <summary>The locked instance's due messages and history; null (lock released) when every message was stale.</summary>
    private async Task<TaskOrchestrationWorkItem?> LoadWorkItemAsync(LockedInstanceRow locked, string token, long expires, long now, CancellationToken ct)
    {
        List<MessageRow> rows;
        List<string> history;
        await using (var read = await _db.OpenReadAsync(ct))
        {
            rows = (await read.QueryAsync<MessageRow>(new CommandDefinition(
                _sql.LoadMessages, new { id = locked.InstanceId, now }, cancellationToken: ct))).AsList();
            history = (await read.QueryAsync<string>(new CommandDefinition(
                _sql.LoadHistory, new { id = locked.InstanceId, executionId = locked.ExecutionId }, cancellationToken: ct))).AsList();
        }
        var terminal = Mapping.IsTerminal(locked.Status);
        var messages = new List<TaskMessage>(rows.Count);
        foreach (var row in rows)
        {
            var message = DtJson.Deserialize<TaskMessage>(row.Payload);
            var stale = terminal
                || (row.ExecutionId is not null && row.ExecutionId != locked.ExecutionId && message.Event is not ExecutionStartedEvent);
            if (!stale)
            {
                message.SequenceNumber = row.Seq;
                messages.Add(message);
            }
        }
        var consumed = rows.Select(r => r.Seq).ToList();
        if (messages.Count == 0)
        {
            Log.DroppedStaleMessages(_log, rows.Count, locked.InstanceId);
            await using var write = await _db.BeginWriteAsync(ct);
            if (consumed.Count > 0)
            {
                await write.ExecuteAsync(_sql.DeleteMessages, new { seqs = consumed.ToArray() }, ct);
            }
            await write.ExecuteAsync(_sql.ReleaseInstance, new { id = locked.InstanceId, token }, ct);
            await write.CommitAsync(ct);
            return null;
        }
        var events = history.Select(DtJson.Deserialize<HistoryEvent>).ToList();
        _heldOrchestrations[locked.InstanceId] = new HeldOrchestration(token, locked.ExecutionId, consumed);
        return new TaskOrchestrationWorkItem
        {
            InstanceId = locked.InstanceId,
            OrchestrationRuntimeState = new OrchestrationRuntimeState(events),
            NewMessages = messages,
            LockedUntilUtc = Mapping.FromMs(expires),
        };
    }

    public async Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem)
    {
        var held = Held(workItem);
        var expires = ExpiryMs(NowMs());
        await using var write = await _db.BeginWriteAsync(CancellationToken.None);
        var renewed = await write.ExecuteAsync(_sql.RenewInstances, new { expires, tokens = new[] { held.Token } }, CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
        if (renewed == 0)
        {
            throw LeaseLost("orchestration", workItem.InstanceId);
        }
        workItem.LockedUntilUtc = Mapping.FromMs(expires);
    }

    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        if (!_heldOrchestrations.TryRemove(workItem.InstanceId, out var held))
        {
            return;
        }
        Log.Abandoning(_log, "orchestration", workItem.InstanceId);
        var visibleAt = NowMs() + (long)_settings.AbandonDelay.TotalMilliseconds;
        await using var write = await _db.BeginWriteAsync(CancellationToken.None);
        if (await write.ExecuteAsync(_sql.ReleaseInstance, new { id = workItem.InstanceId, token = held.Token }, CancellationToken.None) > 0
            && held.ConsumedSeqs.Count > 0)
        {
            await write.ExecuteAsync(_sql.DelayMessages, new { visibleAt, seqs = held.ConsumedSeqs.ToArray() }, CancellationToken.None);
        }
        await write.CommitAsync(CancellationToken.None);
    }

    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        // Completion and abandonment release the lease themselves; this only covers a work item dropped otherwise.
        if (!_heldOrchestrations.TryRemove(workItem.InstanceId, out var held))
        {
            return;
        }
        await using var write = await _db.BeginWriteAsync(CancellationToken.None);
        await write.ExecuteAsync(_sql.ReleaseInstance, new { id = workItem.InstanceId, token = held.Token }, CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
        _orchestrationWork.Set();
    }

    private HeldOrchestration Held(TaskOrchestrationWorkItem workItem) =>
        _heldOrchestrations.TryGetValue(workItem.InstanceId, out var held) ? held : throw LeaseLost("orchestration", workItem.InstanceId);

    private SqlLeaseLostException LeaseLost(string kind, string workItem)
    {
        Log.LeaseLost(_log, kind, workItem);
        return new SqlLeaseLostException($"The lease on {kind} work item '{workItem}' was lost; nothing was stored.");
    }
}
