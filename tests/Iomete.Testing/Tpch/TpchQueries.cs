using System.Globalization;

namespace Iomete.Testing.Tpch;

/// <summary>
/// The 22 TPC-H queries written from the specification (clause 2.4) with its validation parameters, as DuckDB SQL.
/// Q15's view is a CTE. Q11's FRACTION is 0.0001 / SF as the spec defines it.
/// </summary>
public static class TpchQueries
{
    public const int Count = 22;

    /// <summary>Queries whose ORDER BY fixes the row order completely (on unique keys or a single row).</summary>
    private static readonly HashSet<int> TotallyOrdered = [1, 2, 4, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22];

    public static string Get(int n, string tablePrefix) => Get(n, tablePrefix, 1.0);

    public static string Get(int n, string tablePrefix, double scaleFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, Count);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var text = n <= 11 ? TpchQueryText.First[n - 1] : TpchQueryText.Second[n - 12];
        text = text.Replace("{fraction}", (0.0001 / scaleFactor).ToString("0.0##############", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var table in TpchGenerator.TableNames)
        {
            text = text.Replace("{" + table + "}", tablePrefix + table, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>True when two correct results must list their rows in the same order.</summary>
    public static bool IsOrderSensitive(int n) => TotallyOrdered.Contains(n);
}
