using System.Globalization;
using Dapper;
using DurableTask.Core;

namespace Iomete.DurableTask.Sql.Backend;

public sealed partial class SqlOrchestrationService
{
    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        _renewal.Start();
        return (await PollAsync("activity", _activityWork, TryLockActivityAsync, receiveTimeout, cancellationToken))!;
    }

    private async Task<TaskActivityWorkItem?> TryLockActivityAsync(CancellationToken ct)
    {
        if (_activityBuffer.TryDequeue(out var buffered))
        {
            return buffered;
        }
        var now = NowMs();
        var token = NewToken();
        var expires = ExpiryMs(now);
        List<LockedTaskRow> locked;
        await using (var write = await _db.BeginWriteAsync(ct))
        {
            locked = (await write.QueryAsync<LockedTaskRow>(_sql.LockTasks,
                new { owner = _settings.WorkerName, token, expires, now, batch = _settings.LockBatchSize }, ct)).AsList();
            await write.CommitAsync(ct);
        }
        foreach (var row in locked.OrderBy(r => r.Seq))
        {
            _heldActivities[row.Seq] = token;
            _activityBuffer.Enqueue(new TaskActivityWorkItem
            {
                Id = row.Seq.ToString(CultureInfo.InvariantCulture),
                TaskMessage = DtJson.Deserialize<TaskMessage>(row.Payload),
                LockedUntilUtc = Mapping.FromMs(expires),
            });
        }
        return _activityBuffer.TryDequeue(out var next) ? next : null;
    }

    public async Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        var (seq, token) = HeldActivity(workItem);
        var expires = ExpiryMs(NowMs());
        await using var write = await _db.BeginWriteAsync(CancellationToken.None);
        var renewed = await write.ExecuteAsync(_sql.RenewTasks, new { expires, tokens = new[] { token } }, CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
        if (renewed == 0)
        {
            _heldActivities.TryRemove(seq, out _);
            throw LeaseLost("activity", workItem.Id);
        }
        workItem.LockedUntilUtc = Mapping.FromMs(expires);
        return workItem;
    }

    /// <summary>Deletes the activity message and enqueues its result for the orchestration, in one transaction.</summary>
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        var (seq, token) = HeldActivity(workItem);
        var ct = CancellationToken.None;
        var result = Mapping.MessageParameters(responseMessage, NowMs());
        await using (var write = await _db.BeginWriteAsync(ct))
        {
            if (await write.ExecuteAsync(_sql.DeleteTask, new { seq, token }, ct) == 0)
            {
                _heldActivities.TryRemove(seq, out _);
                throw LeaseLost("activity", workItem.Id);
            }
            await write.ExecuteAsync(_sql.InsertMessage, result, ct);
            await write.CommitAsync(ct);
        }
        _heldActivities.TryRemove(seq, out _);
        _orchestrationWork.Set();
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        var seq = long.Parse(workItem.Id, CultureInfo.InvariantCulture);
        if (!_heldActivities.TryRemove(seq, out var token))
        {
            return;
        }
        Log.Abandoning(_log, "activity", workItem.Id);
        var visibleAt = NowMs() + (long)_settings.AbandonDelay.TotalMilliseconds;
        await using var write = await _db.BeginWriteAsync(CancellationToken.None);
        await write.ExecuteAsync(_sql.AbandonTask, new { seq, token, visibleAt }, CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
    }

    /// <summary>Gives back a prefetched activity that no dispatcher took: visible again at once.</summary>
    private async Task ReleaseBufferedActivityAsync(TaskActivityWorkItem workItem)
    {
        var seq = long.Parse(workItem.Id, CultureInfo.InvariantCulture);
        if (!_heldActivities.TryRemove(seq, out var token))
        {
            return;
        }
        await using var write = await _db.BeginWriteAsync(CancellationToken.None);
        await write.ExecuteAsync(_sql.AbandonTask, new { seq, token, visibleAt = NowMs() }, CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
    }

    private (long Seq, string Token) HeldActivity(TaskActivityWorkItem workItem)
    {
        var seq = long.Parse(workItem.Id, CultureInfo.InvariantCulture);
        return _heldActivities.TryGetValue(seq, out var token) ? (seq, token) : throw LeaseLost("activity", workItem.Id);
    }

    /// <summary>Extends every lease this service holds; returns how many rows were extended.</summary>
    private async Task<int> RenewHeldLeasesAsync(CancellationToken ct)
    {
        var orchestrations = _heldOrchestrations.Values.Select(h => h.Token).ToList();
        var activities = _heldActivities.Values.ToList();
        if (orchestrations.Count == 0 && activities.Count == 0)
        {
            return 0;
        }
        var expires = ExpiryMs(NowMs());
        var renewed = 0;
        await using var write = await _db.BeginWriteAsync(ct);
        if (orchestrations.Count > 0)
        {
            renewed += await write.ExecuteAsync(_sql.RenewInstances, new { expires, tokens = orchestrations.ToArray() }, ct);
        }
        if (activities.Count > 0)
        {
            renewed += await write.ExecuteAsync(_sql.RenewTasks, new { expires, tokens = activities.ToArray() }, ct);
        }
        await write.CommitAsync(ct);
        return renewed;
    }
}
