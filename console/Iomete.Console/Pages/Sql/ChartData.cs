using System.Globalization;
using System.Text.Json;

namespace Iomete.Console.Pages.Sql;

public enum ChartKind
{
    Bar,
    Line,
    Area,
    Pie,
    Scatter,
    BigNumber,
}

/// <summary>One plotted point: its label (the x value as text), x as a number when it is one, and y.</summary>
public sealed record ChartPoint(string Label, double? X, double Y);

/// <summary>What a chart draws: its points, the y range and the big number.</summary>
public sealed record ChartSeries(IReadOnlyList<ChartPoint> Points, double Min, double Max, double Total)
{
    public static readonly ChartSeries Empty = new([], 0, 0, 0);
}

/// <summary>
/// Turns result rows into a chart's points: x from one column, y from another. Rows whose y is not a number are left
/// out; bar, line, area and pie charts sum the y of rows with the same x (in first-seen order), scatter keeps every
/// row. At most <see cref="MaxPoints"/> points (IOMETE charts at most 1,000 rows).
/// </summary>
public static class ChartData
{
    public const int MaxPoints = 1000;

    public static ChartSeries Map(IReadOnlyList<ResultColumnInfo> columns, IReadOnlyList<JsonElement[]> rows, ChartKind kind, int x, int y)
    {
        if (y < 0 || y >= columns.Count || (kind != ChartKind.BigNumber && (x < 0 || x >= columns.Count)))
        {
            return ChartSeries.Empty;
        }
        var points = new List<ChartPoint>();
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Take(MaxPoints))
        {
            if (ResultValues.Number(row[y]) is not { } value || double.IsNaN(value) || double.IsInfinity(value))
            {
                continue;
            }
            var label = x >= 0 && x < row.Length ? ResultValues.Text(row[x]) : "";
            var xNumber = x >= 0 && x < row.Length ? ResultValues.Number(row[x]) : null;
            if (kind is ChartKind.Scatter or ChartKind.BigNumber)
            {
                points.Add(new ChartPoint(label, xNumber, value));
            }
            else if (byLabel.TryGetValue(label, out var at))
            {
                points[at] = points[at] with { Y = points[at].Y + value };
            }
            else
            {
                byLabel[label] = points.Count;
                points.Add(new ChartPoint(label, xNumber, value));
            }
        }
        if (kind == ChartKind.Pie)
        {
            points = [.. points.Where(p => p.Y > 0)];
        }
        if (points.Count == 0)
        {
            return ChartSeries.Empty;
        }
        return new ChartSeries(points, Math.Min(0, points.Min(p => p.Y)), Math.Max(0, points.Max(p => p.Y)), points.Sum(p => p.Y));
    }

    /// <summary>The default axes for a result: x the first non-numeric column (else the first), y the first numeric column after it.</summary>
    public static (int X, int Y) DefaultAxes(IReadOnlyList<ResultColumnInfo> columns)
    {
        if (columns.Count == 0)
        {
            return (-1, -1);
        }
        var list = columns.ToList();
        var x = list.FindIndex(c => !c.IsNumeric);
        x = x < 0 ? 0 : x;
        var y = list.FindIndex(x + 1, c => c.IsNumeric);
        if (y < 0)
        {
            y = list.FindIndex(c => c.IsNumeric);
        }
        return (x, y < 0 ? (columns.Count > 1 ? 1 : 0) : y);
    }

    /// <summary>A number as a chart label: compact (1.2k, 3.4M) above ten thousand.</summary>
    public static string Label(double value) => Math.Abs(value) switch
    {
        >= 1e9 => (value / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "B",
        >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e4 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
