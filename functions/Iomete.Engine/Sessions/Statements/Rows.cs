using System.Globalization;
using Iomete.Engine.Parquet;

namespace Iomete.Engine.Sessions.Statements;

/// <summary>Small result sets the session makes itself (SHOW, DESCRIBE, USE): sent through DuckDB so every result is a DuckDB reader.</summary>
internal static class Rows
{
    public static Task SendAsync(StatementContext context, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct) =>
        context.SendRowsAsync(Sql(columns, rows), ct);

    public static string Sql(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var names = string.Join(", ", columns.Select(DuckDbSchema.Quote));
        var values = rows.Select(r => "(" + string.Join(", ", r.Select(Literal)) + ")").ToList();
        if (values.Count == 0)
        {
            return $"SELECT {string.Join(", ", columns.Select(c => "CAST(NULL AS VARCHAR) AS " + DuckDbSchema.Quote(c)))} WHERE false";
        }
        return $"SELECT * FROM (VALUES {string.Join(", ", values)}) AS t({names})";
    }

    private static string Literal(object? value) => value switch
    {
        null => "CAST(NULL AS VARCHAR)",
        string s => DuckDbSchema.Literal(s),
        bool b => b ? "TRUE" : "FALSE",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateTimeOffset t => $"TIMESTAMPTZ '{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}+00'",
        _ => DuckDbSchema.Literal(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}
