using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.SqlQueries;

/// <summary>Input of a SQL queries run (instance id = <see cref="RunId"/>; the run record exists already).</summary>
public sealed record SqlQueriesRequest
{
    public required string RunId { get; init; }
    public required string DomainId { get; init; }
    public required IReadOnlyList<string> Queries { get; init; }
    public string Compute { get; init; } = "local";
    public string? Catalog { get; init; }
    public string? Database { get; init; }
    /// <summary>The user or service account id the queries run as.</summary>
    public required string RunAs { get; init; }
}

/// <summary>
/// Runs a schedule's queries one after the other, one task each: RUNNING → the first failing query fails the run and the
/// queries after it are CANCELLED (not run); a <see cref="WorkflowEvents.Cancel"/> stops the running query in the SQL service
/// and cancels the rest. The run ends COMPLETED, FAILED or CANCELLED.
/// </summary>
[DurableTask(Name)]
public sealed class SqlQueriesOrchestration : TaskOrchestrator<SqlQueriesRequest, string>
{
    public const string Name = "sql-queries-run";
    private const int PollSliceMs = 10_000;
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(15)));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, SqlQueriesRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancel = context.WaitForExternalEvent<string>(WorkflowEvents.Cancel);
        var steps = input.Queries.Select((q, i) => new SqlQueryStep(input.RunId, input.DomainId, i, q, input.Compute, input.Catalog, input.Database, input.RunAs)).ToList();
        if (!await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, WorkflowRunState.Running, $"Running {steps.Count} quer{(steps.Count == 1 ? "y" : "ies")}"), Retried))
        {
            return "not started: the run had ended";
        }
        foreach (var step in steps)
        {
            await SaveAsync(context, step, WorkflowRunState.Pending, null, null, null, null);
        }
        var outcome = WorkflowRunState.Completed;
        string? message = null;
        var next = 0;
        for (; next < steps.Count && outcome == WorkflowRunState.Completed; next++)
        {
            var step = steps[next];
            if (cancel.IsCompleted)
            {
                outcome = WorkflowRunState.Cancelled;
                message = cancel.Result;
                break;
            }
            var (state, taskMessage, queryId, started, ended) = await RunQueryAsync(context, step, cancel);
            await SaveAsync(context, step, state, taskMessage, queryId, started, ended);
            if (state != WorkflowRunState.Completed)
            {
                outcome = state;
                message = state == WorkflowRunState.Cancelled ? cancel.IsCompleted ? cancel.Result : taskMessage : $"{step.TaskKey} failed: {taskMessage}";
            }
        }
        for (; next < steps.Count; next++)
        {
            await SaveAsync(context, steps[next], WorkflowRunState.Cancelled, "Not run: an earlier query did not complete", null, null, null);
        }
        await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, outcome, message ?? $"{steps.Count} quer{(steps.Count == 1 ? "y" : "ies")} completed"), Retried);
        return outcome.Name();
    }

    private static async Task<(WorkflowRunState State, string? Message, string? QueryId, DateTimeOffset? Started, DateTimeOffset? Ended)> RunQueryAsync(
        TaskOrchestrationContext context, SqlQueryStep step, Task<string> cancel)
    {
        var submitted = await context.CallActivityAsync<SqlQueryProgress>(SubmitSqlQueryActivity.Name, step);
        var state = submitted.State;
        if (state.QueryId.Length == 0)
        {
            return (WorkflowRunState.Failed, state.Error, null, submitted.At, context.CurrentUtcDateTime);
        }
        var ended = submitted.At;
        while (!state.IsFinal)
        {
            var poll = context.CallActivityAsync<SqlQueryProgress>(AwaitSqlQueryActivity.Name, new AwaitSqlQuery(step, state.QueryId, PollSliceMs), Retried);
            if (await Task.WhenAny(poll, cancel) == cancel)
            {
                await context.CallActivityAsync<bool>(CancelSqlQueryActivity.Name, new CancelSqlQuery(step.DomainId, step.RunAs, state.QueryId), Retried);
                return (WorkflowRunState.Cancelled, $"Cancelled: {cancel.Result}", state.QueryId, submitted.At, context.CurrentUtcDateTime);
            }
            state = poll.Result.State;
            ended = poll.Result.At;
        }
        return state.Status switch
        {
            "COMPLETED" or "RESULT_EXPIRED" => (WorkflowRunState.Completed, state.RowsAffected is { } rows ? $"{rows} row(s) affected" : null, state.QueryId, submitted.At, ended),
            "CANCELLED" => (WorkflowRunState.Cancelled, "The query was cancelled in the SQL service", state.QueryId, submitted.At, ended),
            _ => (WorkflowRunState.Failed, state.Error ?? "the query failed", state.QueryId, submitted.At, ended),
        };
    }

    private static Task<bool> SaveAsync(
        TaskOrchestrationContext context, SqlQueryStep step, WorkflowRunState state, string? message, string? queryId, DateTimeOffset? started, DateTimeOffset? ended) =>
        context.CallActivityAsync<bool>(SaveRunTaskActivity.Name, new RunTask
        {
            RunId = step.RunId,
            TaskKey = step.TaskKey,
            Name = step.TaskName,
            Position = step.Index,
            State = state,
            StateMessage = message,
            ExternalId = queryId,
            StartedAt = started,
            EndedAt = ended,
        }, Retried);
}
