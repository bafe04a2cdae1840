using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;
using Iomete.Engine.Writes;
using Iomete.Iceberg.Writes;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>
/// CREATE TABLE (columns typed by DuckDB, PARTITIONED BY, WITH/TBLPROPERTIES, COMMENT, LOCATION) and CREATE TABLE AS
/// SELECT (the query runs first; its columns become the schema and its rows the first snapshot). OR REPLACE drops the
/// old table first (its files stay until expired).
/// </summary>
internal static class CreateTableStatements
{
    public static async Task<StatementResult> RunAsync(StatementContext context, CreateTableStatement statement, CancellationToken ct)
    {
        var ident = context.Qualify(statement.Name);
        var kind = statement.QuerySpan is null ? StatementKind.CreateTable : StatementKind.CreateTableAsSelect;
        if (await context.Mirror.LoadTableAsync(ident, ct) is not null || await context.Catalog.LoadViewAsync(ident, ct) is not null)
        {
            if (statement.IfNotExists)
            {
                return new StatementResult(kind, null, $"Table {ident} already exists");
            }
            if (!statement.OrReplace)
            {
                throw new SqlInvalidException($"Table or view '{ident}' already exists");
            }
            await context.Catalog.DropTableAsync(ident, purge: false, ct);
            await context.Mirror.ForgetAsync(ident, ct);
        }
        string? staged = null;
        try
        {
            IReadOnlyList<ColumnTypes.Column> columns;
            if (statement.QuerySpan is { } query)
            {
                staged = "temp.main." + DuckDbSchema.Quote(context.Mirror.NextTempName("ctas"));
                var sql = await context.RewriteQueryAsync(query, null, ct);
                await context.ExecAsync($"CREATE TEMP TABLE {staged} AS {sql}", ct);
                columns = await ColumnTypes.OfRelationAsync(context, staged, ct);
                if (statement.Columns.Count > 0)
                {
                    throw new SqlInvalidException("CREATE TABLE … AS SELECT takes its columns from the query; drop the column list");
                }
            }
            else
            {
                if (statement.Columns.Count == 0)
                {
                    throw new SqlInvalidException($"CREATE TABLE {ident} needs columns or AS <query>");
                }
                columns = await ColumnTypes.ProbeAsync(context, statement.Columns, ct);
            }
            var schema = ColumnTypes.ToSchema(columns);
            var spec = PartitionTerms.Build(schema, statement.PartitionBy);
            var properties = new Dictionary<string, string>(statement.Properties, StringComparer.Ordinal);
            if (statement.Comment is { } comment)
            {
                properties["comment"] = comment;
            }
            properties.TryAdd("format-version", "2");
            var created = await context.Catalog.CreateTableAsync(ident, new NewTable(schema, spec, null, properties, statement.Location), stage: false, ct);
            if (staged is null)
            {
                return new StatementResult(kind, null, $"Created table {ident}");
            }
            try
            {
                var files = await new RelationWriter(context.Io, context.ScratchDirectory).WriteAsync(context.Connection, created.Metadata, $"SELECT * FROM {staged}", ct);
                var rows = files.Sum(f => f.RecordCount);
                if (files.Count > 0)
                {
                    await TableCommits.CommitWithRetriesAsync(context, ident, async (current, attemptCt) =>
                        new PreparedWrite(await new AppendFiles(context.Io).PrepareAsync(current.Metadata, files, null, attemptCt), []), ct);
                }
                return new StatementResult(kind, rows, $"Created table {ident} with {rows} rows");
            }
            catch
            {
                await context.Catalog.DropTableAsync(ident, purge: true, CancellationToken.None);
                throw;
            }
        }
        finally
        {
            if (staged is not null)
            {
                await context.ExecAsync($"DROP TABLE IF EXISTS {staged}", CancellationToken.None);
            }
        }
    }
}
