using Iomete.Engine.Parquet;
using Iomete.Engine.Reads;
using Iomete.Engine.Sql.Syntax;
using Iomete.Engine.Writes;
using Iomete.Iceberg.Writes;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>
/// UPDATE, DELETE and MERGE, copy-on-write: the target's current rows are copied into a staging table together with
/// their data file and position, DuckDB runs the user's statement against a copy of them (so every form DuckDB knows
/// works, with its semantics), and the difference decides the commit — the data files that lost or changed a row are
/// replaced by files holding their surviving rows plus the new and changed rows, in one <c>overwrite</c> snapshot.
/// A lost commit race re-runs the statement on the new snapshot.
/// </summary>
internal static class RowChangeStatements
{
    public static async Task<StatementResult> RunAsync(
        StatementContext context, QualifiedName target, TextSpan targetSpan, string? alias, bool truncateAll, StatementKind kind, CancellationToken ct)
    {
        var ident = context.Qualify(target);
        long affected = 0;
        var committed = await TableCommits.CommitWithRetriesAsync(context, ident, async (table, attemptCt) =>
        {
            var mirror = context.Mirror;
            await mirror.ForgetViewsAsync(attemptCt);
            mirror.MaterializeAll = true;
            var stage = "temp.main." + DuckDbSchema.Quote(mirror.NextTempName("stage"));
            var shadow = "temp.main." + DuckDbSchema.Quote(mirror.NextTempName("target"));
            var changed = "temp.main." + DuckDbSchema.Quote(mirror.NextTempName("changed"));
            try
            {
                var schema = table.Metadata.CurrentSchema;
                await mirror.RequireWriteAccessAsync(table, readsRows: true, attemptCt);
                await mirror.UseAsync(context.Names, attemptCt);
                var columns = schema.Fields.Select(f => DuckDbSchema.Quote(f.Name)).ToList();
                var relation = await mirror.Relations.RelationSqlAsync(table.MetadataLocation, table.Metadata, null, provenance: true, attemptCt);
                await context.ExecAsync($"CREATE TEMP TABLE {stage} AS {relation}", attemptCt);
                await context.ExecAsync($"CREATE TEMP TABLE {shadow} AS SELECT {string.Join(", ", columns)} FROM {stage}", attemptCt);
                var statement = truncateAll
                    ? $"DELETE FROM {shadow}"
                    : context.Text[..targetSpan.Start] + shadow + (alias is null ? " AS " + DuckDbSchema.Quote(target.Name) : "") + context.Text[targetSpan.End..];
                affected = await BoundStatementRunner.RunAsync(context, statement, attemptCt);

                string Row(string table) => "ROW(" + string.Join(", ", columns.Select(c => table + "." + c)) + ")";
                await context.ExecAsync(
                    $"CREATE TEMP TABLE {changed} AS SELECT st.rowid AS rid, st.{ReadSql.FileColumn} AS file FROM {stage} st "
                    + $"LEFT JOIN {shadow} sh ON sh.rowid = st.rowid WHERE sh.rowid IS NULL OR {Row("sh")} IS DISTINCT FROM {Row("st")}", attemptCt);
                var rewritten = new List<string>();
                await using (var command = context.Connection.CreateCommand())
                {
                    command.CommandText = $"SELECT DISTINCT file FROM {changed} WHERE file IS NOT NULL";
                    await using var reader = await command.ExecuteReaderAsync(attemptCt);
                    while (await reader.ReadAsync(attemptCt))
                    {
                        rewritten.Add(reader.GetString(0));
                    }
                }
                var list = string.Join(", ", columns);
                var kept = $"SELECT {list} FROM {stage} st WHERE st.{ReadSql.FileColumn} IN (SELECT file FROM {changed}) AND st.rowid NOT IN (SELECT rid FROM {changed})";
                var added = $"SELECT {string.Join(", ", columns.Select(c => "sh." + c))} FROM {shadow} sh LEFT JOIN {stage} st ON st.rowid = sh.rowid "
                    + $"WHERE st.rowid IS NULL OR {Row("sh")} IS DISTINCT FROM {Row("st")}";
                var files = await new RelationWriter(context.Io, context.ScratchDirectory).WriteAsync(context.Connection, table.Metadata, $"{kept} UNION ALL {added}", attemptCt);
                if (rewritten.Count == 0 && files.Count == 0)
                {
                    return new PreparedWrite(null, []);
                }
                var commit = await new OverwriteFiles(context.Io).PrepareAsync(table.Metadata, rewritten, files, null, attemptCt);
                return new PreparedWrite(commit, [.. files.Select(f => f.FilePath)]);
            }
            finally
            {
                mirror.MaterializeAll = false;
                await mirror.ForgetViewsAsync(CancellationToken.None);
                foreach (var temp in new[] { stage, shadow, changed })
                {
                    await context.ExecAsync($"DROP TABLE IF EXISTS {temp}", CancellationToken.None);
                }
            }
        }, ct);
        var verb = kind switch { StatementKind.Update => "Updated", StatementKind.Merge => "Merged", _ => "Deleted" };
        return new StatementResult(kind, affected, $"{verb} {affected} rows of {ident}{(committed is null ? "" : $" (snapshot {committed.Metadata.CurrentSnapshotId})")}");
    }
}
