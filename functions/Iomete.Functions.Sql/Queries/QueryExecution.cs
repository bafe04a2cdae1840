using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions;
using Iomete.Functions.Sql.Compute;
using Iomete.Functions.Sql.Results;
using Iomete.Functions.Sql.SparkConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Sql.Queries;

/// <summary>
/// Runs one query: SUBMITTED → RUNNING, one engine session, rows streamed into an Arrow file that goes to
/// object storage, then COMPLETED, FAILED or CANCELLED. The engine and the catalog factory are resolved per
/// query, so the service starts even where the host registers no engine. A query on a Spark cluster runs there over
/// Spark Connect instead and fills the same kind of result file.
/// </summary>
public sealed partial class QueryExecution(
    IServiceProvider services, QueryStore store, ResultStore results, ComputeStore compute, SparkQueryExecutor spark,
    IOptions<SqlOptions> options, TimeProvider clock, ILogger<QueryExecution> logger)
{
    private static readonly string[] Running = ["RUNNING"];
    private static readonly string[] Live = ["SUBMITTED", "RUNNING"];

    internal async Task RunAsync(QueryJob job, ActiveQuery active, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(active.Cancel.Token, stopping);
        var tempFile = Path.Combine(Path.GetTempPath(), $"iomete-sql-{job.Id}.arrows");
        try
        {
            if (!await store.TryStartAsync(job.Id, CancellationToken.None))
            {
                await store.TryCancelledAsync(job.Id, CancellationToken.None);
                return;
            }
            var outcome = job.Spark is null
                ? await ExecuteAsync(job, active, tempFile, linked.Token)
                : await ExecuteOnSparkAsync(job, job.Spark, tempFile, linked.Token);
            if (outcome is null)
            {
                return;
            }
            if (!await store.TryCompleteAsync(job.Id, outcome, CancellationToken.None))
            {
                // Cancelled after the engine finished: the result is not kept.
                await results.DeleteAsync(job.Id, CancellationToken.None);
                await store.TryCancelledAsync(job.Id, CancellationToken.None);
            }
        }
        catch (Exception ex) when (active.Cancel.IsCancellationRequested)
        {
            LogCancelled(logger, job.Id, ex.GetType().Name);
            await store.TryCancelledAsync(job.Id, CancellationToken.None);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            await store.TryFailAsync(job.Id, Live,
                new QueryError("The query was interrupted because the SQL service stopped.", SqlErrorCodes.Interrupted, null), CancellationToken.None);
        }
        catch (SqlException ex)
        {
            await store.TryFailAsync(job.Id, Running, SqlErrorCodes.From(ex), CancellationToken.None);
        }
        catch (ComputeUnavailableException ex)
        {
            await store.TryFailAsync(job.Id, Running, new QueryError(ex.Message, SqlErrorCodes.ComputeUnavailable, null), CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, job.Id);
            await store.TryFailAsync(job.Id, Running, new QueryError(ex.Message, SqlErrorCodes.Internal, null), CancellationToken.None);
        }
        finally
        {
            File.Delete(tempFile);
        }
    }

    private async Task<QueryOutcome?> ExecuteAsync(QueryJob job, ActiveQuery active, string tempFile, CancellationToken ct)
    {
        var engine = services.GetService<ISqlEngine>();
        var catalogs = services.GetService<ILakehouseCatalogFactory>();
        if (engine is null || catalogs is null)
        {
            await store.TryFailAsync(job.Id, Running,
                new QueryError("No SQL engine is configured in this host.", SqlErrorCodes.EngineUnavailable, null), CancellationToken.None);
            return null;
        }
        var (settings, _) = await compute.GetAsync(ct);
        var session = await engine.OpenSessionAsync(
            new SqlSessionOptions(catalogs.ForCaller(job.Credentials), job.Catalog, job.Database, Threads: settings.Threads, MemoryLimit: settings.MemoryLimit, PoolKey: job.UserId), ct);
        WrittenResult? written = null;
        StatementResult statement;
        try
        {
            active.Session = session;
            statement = await session.ExecuteAsync(job.Sql, async (reader, token) =>
            {
                await using var file = new FileStream(tempFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                written = await ArrowResultWriter.WriteAsync(reader, file, job.RowLimit, options.Value.ResultBatchRows, token);
            }, ct);
        }
        finally
        {
            active.Session = null;
            await session.DisposeAsync();
        }
        return await OutcomeAsync(job, tempFile, statement.Kind.ToString(), statement.RowsAffected, statement.Message, written, ct);
    }

    private async Task<QueryOutcome> ExecuteOnSparkAsync(QueryJob job, SparkTarget target, string tempFile, CancellationToken ct)
    {
        SparkOutcome outcome;
        await using (var file = new FileStream(tempFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            outcome = await spark.ExecuteAsync(job, target, file, ct);
        }
        return await OutcomeAsync(job, tempFile, outcome.Kind, null, null, outcome.Written, ct);
    }

    /// <summary>Stores the written result, if any, and says what the statement left behind.</summary>
    private async Task<QueryOutcome> OutcomeAsync(
        QueryJob job, string tempFile, string kind, long? rowsAffected, string? message, WrittenResult? written, CancellationToken ct)
    {
        string? key = null;
        long? expires = null;
        if (written is not null)
        {
            key = ResultStore.KeyFor(job.Id);
            await results.UploadAsync(key, tempFile, ct);
            expires = clock.GetUtcNow().Add(options.Value.ResultTtl).ToUnixTimeMilliseconds();
        }
        return new QueryOutcome(kind, rowsAffected, written?.Rows, written?.Truncated ?? false, written?.Columns, message, key, expires);
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Query {QueryId} cancelled ({Exception})")]
    private static partial void LogCancelled(ILogger logger, string queryId, string exception);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "Query {QueryId} failed unexpectedly")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queryId);
}
