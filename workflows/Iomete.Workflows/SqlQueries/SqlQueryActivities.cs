using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.SqlQueries;

/// <summary>One query of a SQL run (task key <c>query-{Index+1}</c>) with where and as whom it runs.</summary>
public sealed record SqlQueryStep(
    string RunId, string DomainId, int Index, string Query, string Compute, string? Catalog, string? Database, string RunAs)
{
    public string TaskKey => $"query-{Index + 1}";

    public string TaskName => Query.Length <= 120 ? Query : Query[..117] + "...";
}

/// <summary>What a query step reached: its state, and when the activity saw it start or end.</summary>
public sealed record SqlQueryProgress(SqlQueryState State, DateTimeOffset At);

/// <summary>
/// Submits one query to the SQL service (never retried: a second submit would run the statement twice) and saves the task
/// RUNNING with the query id, so a cancel can reach it; a refused submit comes back as a FAILED state.
/// </summary>
[DurableTask(Name)]
public sealed class SubmitSqlQueryActivity(SqlQueryClient sql, RunJournal journal, TimeProvider clock) : TaskActivity<SqlQueryStep, SqlQueryProgress>
{
    public const string Name = "sql-query-submit";

    public override async Task<SqlQueryProgress> RunAsync(TaskActivityContext context, SqlQueryStep input)
    {
        var started = clock.GetUtcNow();
        SqlQueryState state;
        try
        {
            state = await sql.SubmitAsync(input, CancellationToken.None);
        }
        catch (SqlServiceException e) when (e.Status is >= 400 and < 500)
        {
            return new SqlQueryProgress(new SqlQueryState("", "FAILED", null, e.Message), started);
        }
        await journal.SaveTaskAsync(new RunTask
        {
            RunId = input.RunId,
            TaskKey = input.TaskKey,
            Name = input.TaskName,
            Position = input.Index,
            State = WorkflowRunState.Running,
            ExternalId = state.QueryId,
            StartedAt = started,
        }, CancellationToken.None);
        return new SqlQueryProgress(state, started);
    }
}

public sealed record AwaitSqlQuery(SqlQueryStep Step, string QueryId, int MaxWaitMs);

/// <summary>Polls the query until it ends or <see cref="AwaitSqlQuery.MaxWaitMs"/> passes (the orchestration then asks again, racing a cancel).</summary>
[DurableTask(Name)]
public sealed class AwaitSqlQueryActivity(SqlQueryClient sql, TimeProvider clock) : TaskActivity<AwaitSqlQuery, SqlQueryProgress>
{
    public const string Name = "sql-query-await";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public override async Task<SqlQueryProgress> RunAsync(TaskActivityContext context, AwaitSqlQuery input)
    {
        var until = clock.GetUtcNow().AddMilliseconds(input.MaxWaitMs);
        while (true)
        {
            var state = await sql.GetAsync(input.Step.DomainId, input.Step.RunAs, input.QueryId, CancellationToken.None);
            if (state.IsFinal || clock.GetUtcNow() >= until)
            {
                return new SqlQueryProgress(state, clock.GetUtcNow());
            }
            await Task.Delay(PollInterval, clock, CancellationToken.None);
        }
    }
}

public sealed record CancelSqlQuery(string DomainId, string RunAs, string QueryId);

[DurableTask(Name)]
public sealed class CancelSqlQueryActivity(SqlQueryClient sql) : TaskActivity<CancelSqlQuery, bool>
{
    public const string Name = "sql-query-cancel";

    public override Task<bool> RunAsync(TaskActivityContext context, CancelSqlQuery input) =>
        sql.CancelAsync(input.DomainId, input.RunAs, input.QueryId, CancellationToken.None);
}
