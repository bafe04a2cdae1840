using Iomete.Engine.Parquet;
using Iomete.Engine.Sql.Syntax;
using Iomete.Engine.Writes;
using Iomete.Iceberg.Writes;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>
/// INSERT INTO / INSERT OVERWRITE: DuckDB runs the statement against an empty staging table with the target's columns
/// (so column lists, BY NAME, casts and defaults are DuckDB's), the staged rows become Parquet data files, and one
/// Iceberg commit appends them (or replaces every live data file, for OVERWRITE).
/// </summary>
internal static class InsertStatements
{
    public static async Task<StatementResult> RunAsync(StatementContext context, InsertStatement statement, CancellationToken ct)
    {
        var ident = context.Qualify(statement.Target);
        var table = await context.Mirror.LoadTableAsync(ident, ct)
            ?? throw new SqlObjectNotFoundException($"Table '{ident}' does not exist");
        await context.Mirror.RequireWriteAccessAsync(table, readsRows: statement.Overwrite, ct);
        var shadow = "temp.main." + DuckDbSchema.Quote(context.Mirror.NextTempName("insert"));
        await context.ExecAsync($"CREATE TEMP TABLE {shadow} ({DuckDbSchema.Columns(table.Metadata.CurrentSchema)})", ct);
        try
        {
            var body = context.Cut(statement.BodySpan);
            if (statement.QuerySpan is { } query)
            {
                var rewritten = await context.RewriteQueryAsync(query, statement.WithPrefix, ct);
                body = context.Text[statement.BodySpan.Start..query.Start] + " " + rewritten + " " + context.Text[query.End..statement.BodySpan.End];
            }
            var rows = await context.ExecAsync($"INSERT INTO {shadow} {body}", ct);
            var files = await new RelationWriter(context.Io, context.ScratchDirectory).WriteAsync(context.Connection, table.Metadata, $"SELECT * FROM {shadow}", ct);
            if (files.Count == 0 && !statement.Overwrite)
            {
                return Result(statement, ident, 0, null);
            }
            try
            {
                var committed = await TableCommits.CommitWithRetriesAsync(context, ident, async (current, attemptCt) =>
                {
                    if (!statement.Overwrite)
                    {
                        return new PreparedWrite(await new AppendFiles(context.Io).PrepareAsync(current.Metadata, files, null, attemptCt), []);
                    }
                    var live = await LiveFiles.DataFilePathsAsync(context, current, attemptCt);
                    return new PreparedWrite(await new OverwriteFiles(context.Io).PrepareAsync(current.Metadata, live, files, null, attemptCt), []);
                }, ct);
                return Result(statement, ident, rows, committed?.Metadata.CurrentSnapshotId);
            }
            catch
            {
                foreach (var file in files)
                {
                    await context.Io.DeleteAsync(file.FilePath, CancellationToken.None);
                }
                throw;
            }
        }
        finally
        {
            await context.ExecAsync($"DROP TABLE IF EXISTS {shadow}", CancellationToken.None);
        }
    }

    private static StatementResult Result(InsertStatement statement, Catalogs.TableIdent ident, long rows, long? snapshot) =>
        new(statement.Overwrite ? StatementKind.InsertOverwrite : StatementKind.Insert, rows,
            $"{(statement.Overwrite ? "Overwrote" : "Inserted")} {rows} rows {(statement.Overwrite ? "of" : "into")} {ident}{(snapshot is { } s ? $" (snapshot {s})" : "")}");
}
