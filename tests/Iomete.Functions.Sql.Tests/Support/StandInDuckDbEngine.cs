using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions;

namespace Iomete.Functions.Sql.Tests.Support;

/// <summary>
/// A stand-in for the real engine: each session is a plain in-memory DuckDB connection that runs the SQL as
/// written (no catalog, no Iceberg). It lets the SQL service be tested while the engine is built elsewhere.
/// </summary>
public sealed class StandInDuckDbEngine : ISqlEngine
{
    public ConcurrentQueue<SqlSessionOptions> Opened { get; } = new();

    public Task<ISqlSession> OpenSessionAsync(SqlSessionOptions options, CancellationToken ct)
    {
        Opened.Enqueue(options);
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return Task.FromResult<ISqlSession>(new Session(connection, options));
    }

    private sealed class Session(DuckDBConnection connection, SqlSessionOptions options) : ISqlSession
    {
        private static readonly string[] RowKeywords = ["SELECT", "WITH", "FROM", "VALUES", "SHOW", "DESCRIBE", "EXPLAIN", "PRAGMA", "SUMMARIZE", "("];

        public string? CurrentCatalog => options.CurrentCatalog;

        public string? CurrentDatabase => options.CurrentDatabase;

        public double? Progress => null;

        public async Task<StatementResult> ExecuteAsync(string sql, Func<DbDataReader, CancellationToken, Task> consumeRows, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var interrupt = ct.Register(command.Cancel);
            try
            {
                if (RowKeywords.Any(k => sql.TrimStart().StartsWith(k, StringComparison.OrdinalIgnoreCase)))
                {
                    await using var reader = await Task.Run(() => command.ExecuteReader(), CancellationToken.None);
                    await consumeRows(reader, ct);
                    return new StatementResult(StatementKind.Query, null, null);
                }
                var affected = await Task.Run(() => command.ExecuteNonQuery(), CancellationToken.None);
                return new StatementResult(StatementKind.Insert, affected, $"{affected} rows");
            }
            catch (DuckDBException) when (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException(ct);
            }
            catch (DuckDBException ex) when (ex.Message.StartsWith("Parser Error", StringComparison.Ordinal))
            {
                throw new SqlSyntaxException(ex.Message, null, ex);
            }
            catch (DuckDBException ex) when (ex.Message.StartsWith("Catalog Error", StringComparison.Ordinal))
            {
                throw new SqlObjectNotFoundException(ex.Message, ex);
            }
            catch (DuckDBException ex)
            {
                throw new SqlExecutionException(ex.Message, ex);
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

/// <summary>A catalog factory for the stand-in engine: records the credentials it was given; its catalog is never called.</summary>
public sealed class RecordingCatalogFactory : ILakehouseCatalogFactory
{
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Credentials { get; } = new();

    public ILakehouseCatalog ForCaller(IReadOnlyDictionary<string, string> credentialHeaders)
    {
        Credentials.Enqueue(credentialHeaders);
        return DispatchProxy.Create<ILakehouseCatalog, UnusedCatalog>();
    }
}

/// <summary>The stand-in engine never reaches a catalog; a call means the test set-up is wrong.</summary>
public class UnusedCatalog : DispatchProxy
{
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new NotSupportedException($"The stand-in engine's catalog has no '{targetMethod?.Name}'.");
}
