using System.Text.Json;
using Iomete.Console.Api;

namespace Iomete.Console.Pages.Sql;

/// <summary>Where and how a statement runs: the editor's pickers.</summary>
public sealed record RunTarget(string Compute, string? Catalog, string? Database, int Limit);

/// <summary>
/// Runs statements one after another through the SQL service and follows each to its end: the submit waits a moment
/// (quick queries answer finished at once), then pushed <c>sql.query</c> events wake the follower and a poll every
/// <see cref="PollInterval"/> covers a missed event. Cancel asks the service to cancel the running query.
/// </summary>
public sealed class SqlRun(ApiClient api, TimeProvider time)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> Final = ["COMPLETED", "FAILED", "CANCELLED", "RESULT_EXPIRED", "NOT_FOUND"];
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? running;

    public bool IsRunning { get; private set; }

    /// <summary>The latest query as the service describes it (<c>GET …/sql/queries/{id}</c>).</summary>
    public JsonElement? Query { get; private set; }

    public string? QueryId => Query?.Str("id");

    public string? Status => Query?.Str("status");

    /// <summary>A refused submit (400 variables, 409 compute not active …), as problem details.</summary>
    public ApiProblem? Problem { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Which statement of a Run all is running (1-based) and how many there are.</summary>
    public (int Index, int Count) Step { get; private set; }

    public TimeSpan Elapsed => StartedAt is { } s ? (EndedAt ?? time.GetUtcNow()) - s : TimeSpan.Zero;

    public event Action? Changed;

    public static bool IsFinal(string? status) => status is not null && Final.Contains(status);

    /// <summary>Runs the statements in order, stopping at the first that does not complete; true when all completed.</summary>
    public async Task<bool> RunAsync(IReadOnlyList<string> statements, RunTarget target)
    {
        if (IsRunning || statements.Count == 0)
        {
            return false;
        }
        running = new CancellationTokenSource();
        var ct = running.Token;
        IsRunning = true;
        Problem = null;
        Query = null;
        StartedAt = time.GetUtcNow();
        EndedAt = null;
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                Step = (i + 1, statements.Count);
                Query = null;
                Raise();
                if (!await RunOneAsync(statements[i], target, ct) || ct.IsCancellationRequested)
                {
                    return false;
                }
            }
            return true;
        }
        catch (ApiProblemException ex)
        {
            Problem = ex.Problem;
            return false;
        }
        finally
        {
            IsRunning = false;
            EndedAt = time.GetUtcNow();
            running.Dispose();
            running = null;
            Raise();
        }
    }

    /// <summary>Asks the service to cancel the running query (and stops a Run all after it).</summary>
    public async Task CancelAsync()
    {
        running?.Cancel();
        if (QueryId is { } id && !IsFinal(Status))
        {
            try
            {
                Query = await api.PostAsync(api.InDomain($"sql/queries/{Uri.EscapeDataString(id)}/cancel"));
            }
            catch (ApiProblemException ex) when (ex.Problem.Status == 409)
            {
                // It finished first: the follower reads its final state.
            }
            Wake();
            Raise();
        }
    }

    /// <summary>A pushed <c>sql.query</c> event: wakes the follower when it is about the running query.</summary>
    public void OnPushed(JsonElement data)
    {
        if (data.Str("queryId") is { } id && id == QueryId)
        {
            Wake();
        }
    }

    private async Task<bool> RunOneAsync(string sql, RunTarget target, CancellationToken ct)
    {
        var body = new { query = sql, computeCluster = target.Compute, catalog = target.Catalog, database = target.Database, limit = target.Limit };
        Query = await api.PostAsync(api.InDomain("sql/queries?wait=2"), body, CancellationToken.None);
        Raise();
        while (!IsFinal(Status))
        {
            var woken = wake.Task;
            await Task.WhenAny(woken, Task.Delay(PollInterval, time, CancellationToken.None));
            wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Query = await api.GetJsonAsync(api.InDomain($"sql/queries/{Uri.EscapeDataString(QueryId!)}"), CancellationToken.None);
            Raise();
        }
        if (Query?.Obj("columns") is null && Status == "COMPLETED")
        {
            // A 202 answer carries only the id and status; the finished query has the columns.
            Query = await api.GetJsonAsync(api.InDomain($"sql/queries/{Uri.EscapeDataString(QueryId!)}"), CancellationToken.None);
        }
        return Status == "COMPLETED" && !ct.IsCancellationRequested;
    }

    private void Wake() => wake.TrySetResult();

    private void Raise() => Changed?.Invoke();
}
