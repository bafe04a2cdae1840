using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Iomete.Testing.Tpch;

/// <summary>A query result read into memory: column names and rows (DBNull as null).</summary>
public sealed record ResultSet(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    public static async Task<ResultSet> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return new ResultSet(columns, rows);
    }

    public static async Task<ResultSet> QueryAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadAsync(reader, ct);
    }

    /// <summary>A result page of the SQL service (<c>{"columns":[{"name","type"}],"rows":[[…]]}</c>) with typed values.</summary>
    public static ResultSet FromResultsPage(JsonElement page)
    {
        var columns = page.GetProperty("columns").EnumerateArray()
            .Select(c => (Name: c.GetProperty("name").GetString()!, Type: c.GetProperty("type").GetString()!)).ToList();
        var rows = page.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select((v, i) => Value(v, columns[i].Type)).ToArray())
            .ToList();
        return new ResultSet([.. columns.Select(c => c.Name)], rows);
    }

    private static object? Value(JsonElement value, string type) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when type == "DATE" => DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        JsonValueKind.String when type.StartsWith("DECIMAL", StringComparison.Ordinal) || type is "BIGINT" or "HUGEINT" or "UBIGINT" =>
            decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ => value.GetString(),
    };
}

/// <summary>
/// Compares two results of the same query: column names (case-insensitive), row count, and values; numbers of any
/// type compare by value with a relative tolerance, dates and timestamps by instant. Rows compare in order when the
/// query's ORDER BY fixes it; otherwise both sides are sorted first.
/// </summary>
public static class TpchResults
{
    public const double RelativeTolerance = 1e-6;
    private const int MaxDifferences = 10;

    /// <summary>The differences found (at most 10), empty when the results are equal.</summary>
    public static IReadOnlyList<string> Compare(ResultSet expected, ResultSet actual, bool orderSensitive)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        if (!expected.Columns.SequenceEqual(actual.Columns, StringComparer.OrdinalIgnoreCase))
        {
            differences.Add($"columns: expected [{string.Join(", ", expected.Columns)}], actual [{string.Join(", ", actual.Columns)}]");
            return differences;
        }
        if (expected.Rows.Count != actual.Rows.Count)
        {
            differences.Add($"row count: expected {expected.Rows.Count}, actual {actual.Rows.Count}");
            return differences;
        }
        var left = orderSensitive ? expected.Rows : Sorted(expected.Rows);
        var right = orderSensitive ? actual.Rows : Sorted(actual.Rows);
        for (var r = 0; r < left.Count && differences.Count < MaxDifferences; r++)
        {
            for (var c = 0; c < expected.Columns.Count && differences.Count < MaxDifferences; c++)
            {
                if (!ValuesEqual(left[r][c], right[r][c]))
                {
                    differences.Add($"row {r}, column {expected.Columns[c]}: expected {Show(left[r][c])}, actual {Show(right[r][c])}");
                }
            }
        }
        return differences;
    }

    public static bool ValuesEqual(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is not (double or float) && b is not (double or float) && a is IConvertible && b is IConvertible)
            {
                return Convert.ToDecimal(a, CultureInfo.InvariantCulture) == Convert.ToDecimal(b, CultureInfo.InvariantCulture)
                    || Close(ToDouble(a), ToDouble(b));
            }
            return Close(ToDouble(a), ToDouble(b));
        }
        if (Instant(a) is { } x && Instant(b) is { } y)
        {
            return x == y;
        }
        return a is string s && b is string t ? string.Equals(s, t, StringComparison.Ordinal) : a.Equals(b);
    }

    private static bool Close(double a, double b) =>
        a.Equals(b) || Math.Abs(a - b) <= RelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong
        or float or double or decimal or System.Numerics.BigInteger or Int128 or UInt128;

    private static double ToDouble(object value) => value switch
    {
        System.Numerics.BigInteger big => (double)big,
        Int128 big => (double)big,
        UInt128 big => (double)big,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static DateTime? Instant(object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t,
        DateTimeOffset o => o.UtcDateTime,
        _ => null,
    };

    private static List<object?[]> Sorted(IReadOnlyList<object?[]> rows)
    {
        var sorted = rows.ToList();
        sorted.Sort(CompareRows);
        return sorted;
    }

    private static int CompareRows(object?[] a, object?[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var c = CompareValues(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    private static int CompareValues(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }
        if (IsNumber(a) && IsNumber(b))
        {
            return ValuesEqual(a, b) ? 0 : ToDouble(a).CompareTo(ToDouble(b));
        }
        if (Instant(a) is { } x && Instant(b) is { } y)
        {
            return x.CompareTo(y);
        }
        return string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture));
    }

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"'{value}'",
    };
}
