using System.Globalization;
using System.Text;
using System.Text.Json;
using Iomete.Console.Api;

namespace Iomete.Console.Pages.Sql;

/// <summary>A result column as the API describes it.</summary>
public sealed record ResultColumnInfo(string Name, string Type)
{
    /// <summary>Numeric SQL types (Spark's and DuckDB's names): right-aligned, summed, plotted.</summary>
    public bool IsNumeric => Type.ToUpperInvariant() switch
    {
        var t when t.StartsWith("DECIMAL", StringComparison.Ordinal) => true,
        "TINYINT" or "SMALLINT" or "INTEGER" or "INT" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
            or "UBIGINT" or "FLOAT" or "DOUBLE" or "REAL" or "LONG" or "SHORT" or "BYTE" => true,
        _ => false,
    };
}

/// <summary>One page of a query's result: <c>GET …/sql/queries/{id}/results?offset=&amp;limit=</c>.</summary>
public sealed record ResultPage(IReadOnlyList<ResultColumnInfo> Columns, IReadOnlyList<JsonElement[]> Rows, long Offset, long Total, bool Truncated)
{
    public static ResultPage From(JsonElement e)
    {
        var columns = e.Items("columns").Select(c => new ResultColumnInfo(c.Str("name") ?? "", c.Str("type") ?? "")).ToList();
        var rows = e.Items("rows").Select(r => r.EnumerateArray().Select(v => v.Clone()).ToArray()).ToList();
        return new ResultPage(columns, rows, e.Long("offset") ?? 0, e.Long("total") ?? rows.Count, e.Bool("truncated"));
    }
}

/// <summary>Reading, comparing and copying result values.</summary>
public static class ResultValues
{
    /// <summary>A value as the grid shows it; NULL as <c>NULL</c>.</summary>
    public static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "NULL",
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => v.GetRawText(),
    };

    /// <summary>A number when the value is one (numbers, and numeric strings such as large decimals).</summary>
    public static double? Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };

    /// <summary>Sort order: NULLs last, numbers by value, everything else by ordinal text.</summary>
    public static int Compare(JsonElement a, JsonElement b)
    {
        var aNull = a.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        var bNull = b.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        if (aNull || bNull)
        {
            return aNull == bNull ? 0 : aNull ? 1 : -1;
        }
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
        {
            return a.GetDouble().CompareTo(b.GetDouble());
        }
        return string.CompareOrdinal(Text(a), Text(b));
    }

    /// <summary>Rows sorted by one column (a stable sort; NULLs last in both directions).</summary>
    public static IReadOnlyList<JsonElement[]> Sort(IReadOnlyList<JsonElement[]> rows, int column, bool descending)
    {
        var indexed = rows.Select((r, i) => (Row: r, Index: i)).ToList();
        indexed.Sort((x, y) =>
        {
            var a = x.Row[column];
            var b = y.Row[column];
            var nullA = a.ValueKind == JsonValueKind.Null;
            var nullB = b.ValueKind == JsonValueKind.Null;
            var c = nullA || nullB ? Compare(a, b) : descending ? Compare(b, a) : Compare(a, b);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        });
        return [.. indexed.Select(x => x.Row)];
    }

    /// <summary>Tab-separated values (a header line when columns are given); tabs and line breaks in values become spaces.</summary>
    public static string Tsv(IReadOnlyList<ResultColumnInfo>? columns, IEnumerable<JsonElement[]> rows)
    {
        var sb = new StringBuilder();
        if (columns is not null)
        {
            sb.AppendJoin('\t', columns.Select(c => Clean(c.Name))).Append('\n');
        }
        foreach (var row in rows)
        {
            sb.AppendJoin('\t', row.Select(v => v.ValueKind == JsonValueKind.Null ? "" : Clean(Text(v)))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
