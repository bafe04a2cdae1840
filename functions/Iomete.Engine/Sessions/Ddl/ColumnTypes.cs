using Iomete.Engine.Parquet;
using Iomete.Engine.Sessions.Statements;
using Iomete.Engine.Sql.Syntax;
using Iomete.Engine.Types;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Sessions.Ddl;

/// <summary>
/// Column types as DuckDB understands them: column definitions are created in a throwaway temporary table (so every
/// type spelling DuckDB accepts works, and DuckDB reports a bad one), and DuckDB's normalized types become Iceberg types.
/// </summary>
internal static class ColumnTypes
{
    public sealed record Column(string Name, string DuckDbType, bool Required, string? Doc);

    public static async Task<IReadOnlyList<Column>> ProbeAsync(StatementContext context, IReadOnlyList<ColumnDefinition> definitions, CancellationToken ct)
    {
        var probe = "temp.main." + DuckDbSchema.Quote(context.Mirror.NextTempName("probe"));
        var columns = string.Join(", ", definitions.Select((d, i) => $"{DuckDbSchema.Quote("c" + i)} {d.TypeText}"));
        await context.ExecAsync($"CREATE TEMP TABLE {probe} ({columns})", ct);
        try
        {
            return await DescribeAsync(context, probe, definitions, ct);
        }
        finally
        {
            await context.ExecAsync($"DROP TABLE IF EXISTS {probe}", CancellationToken.None);
        }
    }

    /// <summary>The columns of a DuckDB relation (a table or a query in parentheses).</summary>
    public static async Task<IReadOnlyList<Column>> OfRelationAsync(StatementContext context, string relation, CancellationToken ct) =>
        await DescribeAsync(context, relation, null, ct);

    private static async Task<IReadOnlyList<Column>> DescribeAsync(StatementContext context, string relation, IReadOnlyList<ColumnDefinition>? definitions, CancellationToken ct)
    {
        var result = new List<Column>();
        await using var command = context.Connection.CreateCommand();
        command.CommandText = $"DESCRIBE {relation}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            var definition = definitions?[i];
            result.Add(new Column(definition?.Name ?? reader.GetString(0), reader.GetString(1), definition?.NotNull ?? false, definition?.Comment));
            i++;
        }
        return result;
    }

    /// <summary>An Iceberg schema (id 0) of the columns: top-level ids 1…n, nested ids after them.</summary>
    public static Schema ToSchema(IReadOnlyList<Column> columns)
    {
        var next = columns.Count;
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SqlInvalidException($"Column '{duplicate.Key}' appears more than once");
        }
        var fields = columns.Select((c, i) => new NestedField(i + 1, c.Name, c.Required, DuckDbTypes.ToIceberg(c.DuckDbType, () => ++next), c.Doc)).ToList();
        return new Schema(0, fields);
    }
}
