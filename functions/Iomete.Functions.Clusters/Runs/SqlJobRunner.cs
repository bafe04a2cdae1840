using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>
/// Runs SQL jobs: the script's statements one after the other on the embedded engine, through the SQL service (app id
/// <c>sql</c>), as the run-as user (the internal app token plus <see cref="InternalCallOptions.RunAsHeader"/>). The first
/// failing statement fails the run with its error; a cancel stops the statement running at the time.
/// </summary>
public sealed partial class SqlJobRunner(
    IServiceInvoker invoker,
    IOptions<InternalCallOptions> internalCalls,
    RunTransitions transitions,
    ILogger<SqlJobRunner> logger) : IDisposable
{
    public const string SqlAppId = "sql";
    private const int ResultRowLimit = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Starts the run in the background; its status follows in the run record.</summary>
    public void Start(SparkRun run)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        running[run.Id] = cts;
        _ = Task.Run(() => ExecuteAsync(run, cts), CancellationToken.None);
    }

    /// <summary>Stops the statement running now (here, and in the SQL service whichever replica runs it).</summary>
    public async Task CancelAsync(SparkRun run, CancellationToken ct)
    {
        if (running.TryRemove(run.Id, out var cts))
        {
            try
            {
                await cts.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The run ended meanwhile.
            }
        }
        if (run.SqlQueryId is { } queryId)
        {
            using var request = Request(HttpMethod.Post, run, $"api/v1/domains/{Uri.EscapeDataString(run.DomainId)}/sql/queries/{Uri.EscapeDataString(queryId)}/cancel");
            using var response = await invoker.InvokeAsync(SqlAppId, request, ct);
            if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
            {
                LogCancelRefused(logger, run.Id, queryId, (int)response.StatusCode);
            }
        }
    }

    private async Task ExecuteAsync(SparkRun run, CancellationTokenSource cts)
    {
        var ct = cts.Token;
        try
        {
            await transitions.MoveAsync(run.Id, RunStatus.Running, null, null, ct);
            var statements = SqlScript.Split(run.Config.SqlScript);
            for (var i = 0; i < statements.Count; i++)
            {
                var (queryId, query) = await SubmitAsync(run, statements[i], ct);
                var step = $"statement {i + 1}/{statements.Count}";
                var current = await transitions.ApplyAsync(run.Id, r => r.IsTerminal ? null : r with
                {
                    SqlQueryId = queryId,
                    Log = (r.Log ?? "") + $"{step}: query {queryId} started\n",
                }, ct);
                if (current is null || current.IsTerminal)
                {
                    // Cancelled (or timed out) between statements: the query just submitted must not run on.
                    if (current is not null)
                    {
                        await CancelAsync(current with { SqlQueryId = queryId }, CancellationToken.None);
                    }
                    return;
                }
                while (!IsFinal(query))
                {
                    await Task.Delay(PollInterval, ct);
                    query = await GetAsync(run, queryId, ct);
                }
                var status = query.GetProperty("status").GetString();
                if (status == "FAILED")
                {
                    var message = query.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                        ? error.GetProperty("message").GetString()
                        : "the statement failed";
                    await Finish(run, RunStatus.Failed, null, $"{step} failed: {message}", $"{step}: FAILED {message}\n");
                    return;
                }
                if (status == "CANCELLED")
                {
                    await Finish(run, RunStatus.Aborted, RunStatus.ReasonUser, null, $"{step}: CANCELLED\n");
                    return;
                }
                var rows = query.TryGetProperty("rowsAffected", out var affected) && affected.ValueKind == JsonValueKind.Number ? $" ({affected.GetInt64()} rows)" : "";
                await transitions.ApplyAsync(run.Id, r => r.IsTerminal ? null : r with { Log = (r.Log ?? "") + $"{step}: COMPLETED{rows}\n" }, ct);
            }
            await Finish(run, RunStatus.Completed, null, null, "");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Cancelled: whoever cancelled set the status.
        }
        catch (Exception e)
        {
            LogRunFailed(logger, e, run.Id);
            await Finish(run, RunStatus.Failed, null, e.Message, $"FAILED {e.Message}\n");
        }
        finally
        {
            running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(run.Id, cts));
            cts.Dispose();
        }
    }

    private Task Finish(SparkRun run, string status, string? reason, string? error, string line) =>
        transitions.ApplyAsync(run.Id, r => RunStatus.CanMove(r.Status, status)
            ? r with { Status = status, Reason = reason, ErrorMessage = error, Log = (r.Log ?? "") + line }
            : null, CancellationToken.None);

    private async Task<(string Id, JsonElement Query)> SubmitAsync(SparkRun run, string statement, CancellationToken ct)
    {
        // No wait: the query's id is recorded before it can run long, so a cancel can always reach it.
        using var request = Request(HttpMethod.Post, run, $"api/v1/domains/{Uri.EscapeDataString(run.DomainId)}/sql/queries");
        request.Content = JsonContent.Create(new
        {
            query = statement,
            computeCluster = run.Config.ComputeCluster ?? JobRules.LocalCompute,
            catalog = run.Config.Catalog,
            database = run.Config.Database,
            limit = ResultRowLimit,
        });
        var query = await SendAsync(request, ct);
        return (query.GetProperty("id").GetString()!, query);
    }

    private async Task<JsonElement> GetAsync(SparkRun run, string queryId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, run, $"api/v1/domains/{Uri.EscapeDataString(run.DomainId)}/sql/queries/{Uri.EscapeDataString(queryId)}");
        return await SendAsync(request, ct);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await invoker.InvokeAsync(SqlAppId, request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        if (!response.IsSuccessStatusCode)
        {
            var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            throw new InvalidOperationException($"The SQL service answered {(int)response.StatusCode}: {detail ?? text}");
        }
        return json.RootElement.Clone();
    }

    private HttpRequestMessage Request(HttpMethod method, SparkRun run, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.Header, internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; SQL jobs cannot run"));
        request.Headers.TryAddWithoutValidation(InternalCallOptions.RunAsHeader, run.RunAsUser);
        return request;
    }

    private static bool IsFinal(JsonElement query) =>
        query.TryGetProperty("status", out var s) && s.GetString() is "COMPLETED" or "FAILED" or "CANCELLED" or "RESULT_EXPIRED";

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "SQL job run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Cancelling query {QueryId} of run {RunId} was answered {Status}")]
    private static partial void LogCancelRefused(ILogger logger, string runId, string queryId, int status);
}
