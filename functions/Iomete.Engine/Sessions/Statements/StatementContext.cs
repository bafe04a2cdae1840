using System.Data.Common;
using DuckDB.NET.Data;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Sessions.Mirror;
using Iomete.Engine.Sessions.Queries;
using Iomete.Engine.Sql.Syntax;
using Iomete.Iceberg.IO;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>Everything a statement handler works with: the session's DuckDB, its mirror of the catalog, names, and the engine's services.</summary>
internal sealed class StatementContext
{
    public required DuckDBConnection Connection { get; init; }

    public required SessionMirror Mirror { get; init; }

    public required QueryRewriter Rewriter { get; init; }

    public required NameContext Names { get; set; }

    /// <summary>The statement's text as the user wrote it (spans point into it).</summary>
    public required string Text { get; init; }

    public required TableFileIO Io { get; init; }

    public required string ScratchDirectory { get; init; }

    public required int CommitAttempts { get; init; }

    public required TimeProvider Time { get; init; }

    public required Func<DbDataReader, CancellationToken, Task> ConsumeRows { get; init; }

    public ILakehouseCatalog Catalog => Mirror.Catalog;

    public string Cut(TextSpan span) => Text.Substring(span.Start, span.Length);

    public async Task<long> ExecAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and hands its rows to the caller.</summary>
    public async Task SendRowsAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await ConsumeRows(reader, ct);
    }

    /// <summary>The query of a statement with its leading WITH clause (if any) rewritten for the mirror.</summary>
    public async Task<string> RewriteQueryAsync(TextSpan query, TextSpan? withPrefix, CancellationToken ct)
    {
        var start = withPrefix?.Start ?? query.Start;
        var text = (withPrefix is { } w ? Cut(w) + " " : "") + Cut(query);
        return await Rewriter.RewriteAsync(text, start, Names, 0, ct);
    }

    public TableIdent Qualify(QualifiedName name) => Names.Qualify(name.Parts);
}
