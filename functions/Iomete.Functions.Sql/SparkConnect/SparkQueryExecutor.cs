using Grpc.Core;
using Iomete.Functions.Sql.Queries;
using Iomete.Functions.Sql.Results;
using Iomete.Functions.Sql.SparkConnect.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>What a statement run on a Spark cluster left behind; <paramref name="Kind"/> is a <c>StatementKind</c> name or <c>Command</c>.</summary>
internal sealed record SparkOutcome(string Kind, WrittenResult? Written);

/// <summary>
/// Runs one query on a Spark cluster over Spark Connect, in a session of its own: <c>USE</c> for the query's catalog and
/// database, then the statement — a query as a SQL relation, anything else as a SQL command whose result relation (if any)
/// is then run for its rows — with the Arrow batches written to <paramref name="output"/> as they arrive. Cancelling
/// interrupts the running operation on the cluster.
/// </summary>
public sealed partial class SparkQueryExecutor(SparkConnectChannels channels, IOptions<SparkConnectOptions> options, ILogger<SparkQueryExecutor> logger)
{
    public const string CommandKind = "Command";

    internal async Task<SparkOutcome> ExecuteAsync(QueryJob job, SparkTarget target, Stream output, CancellationToken ct)
    {
        var session = channels.OpenSession(target.Address, job.UserId ?? "anonymous", target.UserName);
        try
        {
            if (UseStatement(job.Catalog, job.Database) is { } use)
            {
                await RunCommandAsync(session, job, target, use, sink: null, ct);
            }
            using var sink = new SparkResultSink(output, job.RowLimit);
            if (SparkStatements.IsQuery(job.Sql))
            {
                await RunRelationAsync(session, job, target, new Relation { Sql = new SQL { Query = job.Sql } }, sink, ct);
            }
            else if (await RunCommandAsync(session, job, target, job.Sql, sink, ct) is { } relation)
            {
                await RunRelationAsync(session, job, target, relation, sink, ct);
            }
            var written = await sink.CompleteAsync(ct);
            return new SparkOutcome(SparkStatements.Kind(job.Sql)?.ToString() ?? CommandKind, written);
        }
        finally
        {
            await ReleaseAsync(session, target);
        }
    }

    /// <summary>Runs a SQL command; returns the relation Spark answered with, if any, for its rows.</summary>
    private async Task<Relation?> RunCommandAsync(SparkConnectSession session, QueryJob job, SparkTarget target, string sql, SparkResultSink? sink, CancellationToken ct)
    {
        Relation? relation = null;
        var plan = new Plan { Command = new Command { SqlCommand = new SqlCommand { Sql = sql } } };
        await foreach (var response in ExecuteAsync(session, job, target, plan, ct))
        {
            if (response.SqlCommandResult?.Relation is { } answered)
            {
                relation = answered;
            }
            else if (response.ArrowBatch is { } batch && sink is not null)
            {
                await sink.AppendAsync(batch.Data.Memory, ct);
            }
        }
        return relation;
    }

    private async Task RunRelationAsync(SparkConnectSession session, QueryJob job, SparkTarget target, Relation relation, SparkResultSink sink, CancellationToken ct)
    {
        await foreach (var response in ExecuteAsync(session, job, target, new Plan { Root = relation }, ct))
        {
            if (response.ArrowBatch is { } batch)
            {
                await sink.AppendAsync(batch.Data.Memory, ct);
                if (sink.Full)
                {
                    // The row limit is reached: the rest of the result is not needed, so the operation is interrupted.
                    return;
                }
            }
        }
    }

    private async IAsyncEnumerable<ExecutePlanResponse> ExecuteAsync(
        SparkConnectSession session, QueryJob job, SparkTarget target, Plan plan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var operationId = Guid.NewGuid().ToString();
        using var call = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stream = session.ExecuteAsync(plan, operationId, [QueryTag(job.Id)], call.Token).GetAsyncEnumerator(call.Token);
        var finished = false;
        try
        {
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync())
                    {
                        finished = true;
                        yield break;
                    }
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The query was cancelled.", ex, ct);
                }
                catch (RpcException ex)
                {
                    finished = true;
                    throw SparkErrors.From(ex, target.Address);
                }
                yield return stream.Current;
            }
        }
        finally
        {
            if (!finished)
            {
                // Cancelled, or the consumer stopped early: the operation may still run on the cluster.
                await InterruptAsync(session, operationId, target);
            }
            await call.CancelAsync();
            await stream.DisposeAsync();
        }
    }

    /// <summary>The tag every operation of a query carries, so an operator can interrupt a query by tag on the cluster.</summary>
    public static string QueryTag(string queryId) => $"iomete-query-{queryId}";

    private static string? UseStatement(string? catalog, string? database)
    {
        var parts = new[] { catalog, database }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => $"`{p!.Replace("`", "``", StringComparison.Ordinal)}`").ToList();
        return parts.Count == 0 ? null : "USE " + string.Join('.', parts);
    }

    private async Task InterruptAsync(SparkConnectSession session, string operationId, SparkTarget target)
    {
        try
        {
            var interrupted = await session.InterruptAsync(operationId, options.Value.InterruptTimeout);
            LogInterrupted(logger, operationId, target.Address.ToString(), interrupted);
        }
        catch (RpcException ex)
        {
            LogInterruptFailed(logger, operationId, target.Address.ToString(), ex.Status.StatusCode.ToString());
        }
    }

    private async Task ReleaseAsync(SparkConnectSession session, SparkTarget target)
    {
        try
        {
            await session.ReleaseAsync(options.Value.InterruptTimeout);
        }
        catch (RpcException ex)
        {
            LogReleaseFailed(logger, session.SessionId, target.Address.ToString(), ex.Status.StatusCode.ToString());
        }
    }

    [LoggerMessage(EventId = 4131, Level = LogLevel.Information, Message = "Interrupt of Spark operation {OperationId} on {Address}: interrupted={Interrupted}")]
    private static partial void LogInterrupted(ILogger logger, string operationId, string address, bool interrupted);

    [LoggerMessage(EventId = 4132, Level = LogLevel.Warning, Message = "Interrupt of Spark operation {OperationId} on {Address} failed: {Status}")]
    private static partial void LogInterruptFailed(ILogger logger, string operationId, string address, string status);

    [LoggerMessage(EventId = 4133, Level = LogLevel.Debug, Message = "Release of Spark session {SessionId} on {Address} failed: {Status}")]
    private static partial void LogReleaseFailed(ILogger logger, string sessionId, string address, string status);
}
