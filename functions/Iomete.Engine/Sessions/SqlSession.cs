using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Ddl;
using Iomete.Engine.Sessions.Mirror;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;
using Iomete.Iceberg.IO;

namespace Iomete.Engine.Sessions;

/// <summary>
/// One SQL session: a locked-down DuckDB connection, its mirror of the catalog and the current catalog and database.
/// Statements run one at a time; cancellation interrupts DuckDB at once.
/// </summary>
internal sealed class SqlSession(
    PooledConnection pooled, NameContext names, TableFileIO io, string scratchDirectory, int commitAttempts, TimeProvider time, Action<PooledConnection> release)
    : ISqlSession
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private NameContext names = names;
    private volatile bool running;
    private bool disposed;

    public string? CurrentCatalog => names.Catalog;

    public string? CurrentDatabase => names.Database;

    public double? Progress
    {
        get
        {
            if (!running || disposed)
            {
                return null;
            }
            var progress = NativeMethods.Startup.DuckDBQueryProgress(pooled.Connection.NativeConnection).Percentage;
            return progress < 0 ? null : Math.Clamp(progress / 100.0, 0, 1);
        }
    }

    public async Task<StatementResult> ExecuteAsync(string sql, Func<DbDataReader, CancellationToken, Task> consumeRows, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(consumeRows);
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(ct);
        try
        {
            var statement = SqlStatementParser.Parse(sql);
            var context = new StatementContext
            {
                Connection = pooled.Connection,
                Mirror = pooled.Mirror,
                Rewriter = pooled.Rewriter,
                Names = names,
                Text = sql,
                Io = io,
                ScratchDirectory = scratchDirectory,
                CommitAttempts = commitAttempts,
                Time = time,
                ConsumeRows = consumeRows,
            };
            running = true;
            await using var interrupt = ct.Register(() => NativeMethods.Startup.DuckDBInterrupt(pooled.Connection.NativeConnection));
            try
            {
                var result = await StatementDispatch.RunAsync(context, statement, ct);
                names = context.Names;
                return result;
            }
            catch (DuckDBException) when (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException("The statement was cancelled", ct);
            }
            catch (DuckDBException e)
            {
                throw DuckDbErrors.Map(e, sql);
            }
            catch (CatalogException e)
            {
                throw CatalogErrors.Map(e);
            }
            catch (NotSupportedException e)
            {
                // The table format allows more than the engine reads or writes yet (object-store warehouses, some transforms).
                throw new SqlInvalidException(e.Message, e);
            }
        }
        finally
        {
            running = false;
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        await gate.WaitAsync();
        disposed = true;
        gate.Release();
        release(pooled);
    }
}

/// <summary>Maps DuckDB's errors to the session's: syntax (with the position DuckDB marks), missing objects, binding, permissions.</summary>
internal static class DuckDbErrors
{
    public static SqlException Map(DuckDBException e, string sql)
    {
        var message = e.Message;
        if (message.StartsWith("Parser Error:", StringComparison.Ordinal))
        {
            return new SqlSyntaxException(FirstLine(message), Position(message, sql), e);
        }
        if (message.StartsWith("Catalog Error:", StringComparison.Ordinal))
        {
            return new SqlObjectNotFoundException(FirstLine(message), e);
        }
        if (message.StartsWith("Permission Error:", StringComparison.Ordinal))
        {
            return new SqlNotAllowedException(FirstLine(message));
        }
        if (message.StartsWith("Binder Error:", StringComparison.Ordinal) || message.StartsWith("Not implemented Error:", StringComparison.Ordinal))
        {
            return new SqlInvalidException(message, e);
        }
        return new SqlExecutionException(message, e);
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return end < 0 ? message : message[..end].TrimEnd();
    }

    /// <summary>DuckDB prints the line with a caret under the error; find that line's text in the statement.</summary>
    private static int? Position(string message, string sql)
    {
        var lines = message.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].StartsWith("LINE ", StringComparison.Ordinal))
            {
                continue;
            }
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            var caret = lines[i + 1].IndexOf('^');
            if (colon < 0 || caret < 0 || !int.TryParse(lines[i].AsSpan(5, colon - 5), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lineNumber))
            {
                return null;
            }
            var shown = lines[i][(colon + 2)..];
            var column = caret - colon - 2;
            var lineStart = 0;
            for (var l = 1; l < lineNumber && lineStart >= 0; l++)
            {
                lineStart = sql.IndexOf('\n', lineStart) + 1;
            }
            var snippet = shown.TrimStart('.').TrimEnd('.');
            var lead = shown.Length - shown.TrimStart('.').Length;
            var found = sql.IndexOf(snippet.Length > 20 ? snippet[..20] : snippet, lineStart, StringComparison.Ordinal);
            return found < 0 ? null : found + column - lead;
        }
        return null;
    }
}

/// <summary>Catalog failures as session errors.</summary>
internal static class CatalogErrors
{
    public static SqlException Map(CatalogException e) => e switch
    {
        CatalogNotFoundException => new SqlObjectNotFoundException(e.Message, e),
        CatalogForbiddenException => new SqlNotAllowedException(e.Message),
        CatalogCommitConflictException => new SqlCommitConflictException(e.Message, e),
        CatalogAlreadyExistsException or CatalogRequestException => new SqlInvalidException(e.Message, e),
        _ => new SqlExecutionException("The catalog failed: " + e.Message, e),
    };
}
