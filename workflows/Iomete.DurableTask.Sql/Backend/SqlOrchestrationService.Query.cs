using System.Text;
using Dapper;
using DurableTask.Core;
using DurableTask.Core.Query;

namespace Iomete.DurableTask.Sql.Backend;

public sealed partial class SqlOrchestrationService
{
    /// <summary>
    /// Instances filtered by status, created time and instance id prefix, in instance id order; the continuation
    /// token is the last id of the page (null on the last page).
    /// </summary>
    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Max(1, query.PageSize);
        var where = new StringBuilder("1 = 1");
        var args = new DynamicParameters();
        if (query.RuntimeStatus is { Count: > 0 } statuses)
        {
            where.Append(" AND ").Append(_db.In("status", "statuses"));
            args.Add("statuses", statuses.Select(s => (int)s).ToArray());
        }
        AddCreatedRange(where, args, query.CreatedTimeFrom, query.CreatedTimeTo);
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            where.Append(" AND substr(instance_id, 1, @prefixLength) = @prefix");
            args.Add("prefix", query.InstanceIdPrefix);
            args.Add("prefixLength", query.InstanceIdPrefix.Length);
        }
        if (!string.IsNullOrEmpty(query.ContinuationToken))
        {
            where.Append(" AND instance_id > @after");
            args.Add("after", query.ContinuationToken);
        }
        args.Add("limit", pageSize + 1);
        var sql = $"SELECT {_sql.InstanceColumns} FROM {_sql.Prefix}instances WHERE {where} ORDER BY instance_id LIMIT @limit";
        List<InstanceRow> rows;
        await using (var read = await _db.OpenReadAsync(cancellationToken))
        {
            rows = (await read.QueryAsync<InstanceRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).AsList();
        }
        var more = rows.Count > pageSize;
        var page = rows.Take(pageSize).Select(r => Mapping.ToState(r, query.FetchInputsAndOutputs)).ToList();
        return new OrchestrationQueryResult(page, more ? page[^1].OrchestrationInstance.InstanceId : null);
    }

    /// <summary>Deletes a finished instance with its history and messages; active instances are kept (0).</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId)
    {
        var purged = await PurgeAsync([instanceId], CancellationToken.None);
        return new PurgeResult(purged);
    }

    /// <summary>Deletes finished instances created in the range (and with one of the statuses, when given).</summary>
    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        var where = new StringBuilder(_db.In("status", "terminal"));
        var args = new DynamicParameters();
        args.Add("terminal", Mapping.TerminalStatuses);
        if (purgeInstanceFilter.RuntimeStatus?.ToList() is { Count: > 0 } statuses)
        {
            where.Append(" AND ").Append(_db.In("status", "statuses"));
            args.Add("statuses", statuses.Select(s => (int)s).ToArray());
        }
        AddCreatedRange(where, args, purgeInstanceFilter.CreatedTimeFrom, purgeInstanceFilter.CreatedTimeTo);
        var ids = await SelectIdsAsync(where.ToString(), args, CancellationToken.None);
        return new PurgeResult(await PurgeAsync(ids, CancellationToken.None));
    }

    /// <summary>Deletes finished instances whose created, completed or last-updated time is before the threshold.</summary>
    public async Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType)
    {
        var column = timeRangeFilterType switch
        {
            OrchestrationStateTimeRangeFilterType.OrchestrationCreatedTimeFilter => "created_at",
            OrchestrationStateTimeRangeFilterType.OrchestrationCompletedTimeFilter => "completed_at",
            _ => "updated_at",
        };
        var args = new DynamicParameters();
        args.Add("terminal", Mapping.TerminalStatuses);
        args.Add("threshold", Mapping.ToMs(thresholdDateTimeUtc));
        var ids = await SelectIdsAsync($"{_db.In("status", "terminal")} AND {column} < @threshold", args, CancellationToken.None);
        await PurgeAsync(ids, CancellationToken.None);
    }

    /// <summary>Orchestration work items due now and activity messages not yet completed: the number to scale workers on.</summary>
    public async Task<SqlBacklog> GetBacklogAsync(CancellationToken ct)
    {
        await using var read = await _db.OpenReadAsync(ct);
        var row = await read.QuerySingleAsync<BacklogRow>(new CommandDefinition(_sql.Backlog, new { now = NowMs() }, cancellationToken: ct));
        return new SqlBacklog(row.Orchestrations, row.Activities);
    }

    /// <summary>
    /// The backlog as one PostgreSQL query returning one number, for a KEDA <c>postgresql</c> scaler's <c>query</c>
    /// (due orchestration instances plus pending activities).
    /// </summary>
    public static string PostgresBacklogQuery(string tablePrefix = "dt_") => $"""
        SELECT (SELECT COUNT(DISTINCT instance_id) FROM {tablePrefix}new_events
                WHERE visible_at <= (EXTRACT(EPOCH FROM now()) * 1000)::bigint)
             + (SELECT COUNT(*) FROM {tablePrefix}new_tasks)
        """;

    private static void AddCreatedRange(StringBuilder where, DynamicParameters args, DateTime? from, DateTime? to)
    {
        if (from is { } start && start > DateTime.MinValue)
        {
            where.Append(" AND created_at >= @createdFrom");
            args.Add("createdFrom", Mapping.ToMs(start));
        }
        if (to is { } end && end < DateTime.MaxValue)
        {
            where.Append(" AND created_at <= @createdTo");
            args.Add("createdTo", Mapping.ToMs(end));
        }
    }

    private async Task<List<string>> SelectIdsAsync(string where, DynamicParameters args, CancellationToken ct)
    {
        await using var read = await _db.OpenReadAsync(ct);
        return (await read.QueryAsync<string>(new CommandDefinition(
            $"SELECT instance_id FROM {_sql.Prefix}instances WHERE {where}", args, cancellationToken: ct))).AsList();
    }

    private async Task<int> PurgeAsync(IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        var purged = 0;
        foreach (var chunk in instanceIds.Chunk(200))
        {
            await using var write = await _db.BeginWriteAsync(ct);
            foreach (var id in chunk)
            {
                if (await write.ExecuteAsync(_sql.DeleteInstance, new { id, statuses = Mapping.TerminalStatuses }, ct) == 0)
                {
                    continue;
                }
                purged++;
                foreach (var sql in _sql.DeleteInstanceData)
                {
                    await write.ExecuteAsync(sql, new { id }, ct);
                }
            }
            await write.CommitAsync(ct);
        }
        return purged;
    }
}
