using System.Collections;
using System.Globalization;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Parquet;

/// <summary>
/// The Iceberg metrics of one written file from DuckDB's <c>RETURN_STATS</c> <c>column_statistics</c>
/// (a map from leaf column path to <c>min, max, null_count, num_values, column_size_bytes, has_nan</c>).
/// Counts are kept for every leaf; bounds only for leaves outside lists and maps (as Java does).
/// </summary>
internal sealed record FileMetrics(
    IReadOnlyDictionary<int, long> ColumnSizes,
    IReadOnlyDictionary<int, long> ValueCounts,
    IReadOnlyDictionary<int, long> NullValueCounts,
    IReadOnlyDictionary<int, long> NanValueCounts,
    IReadOnlyDictionary<int, byte[]> LowerBounds,
    IReadOnlyDictionary<int, byte[]> UpperBounds)
{
    public static FileMetrics From(Schema schema, object? columnStatistics)
    {
        var stats = new Dictionary<string, IDictionary>(StringComparer.Ordinal);
        if (columnStatistics is IDictionary byPath)
        {
            foreach (DictionaryEntry entry in byPath)
            {
                if (entry.Value is IDictionary columnStats)
                {
                    stats[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = columnStats;
                }
            }
        }
        var sizes = new Dictionary<int, long>();
        var values = new Dictionary<int, long>();
        var nulls = new Dictionary<int, long>();
        var nans = new Dictionary<int, long>();
        var lower = new Dictionary<int, byte[]>();
        var upper = new Dictionary<int, byte[]>();
        foreach (var (path, field, repeated) in DuckDbSchema.Leaves(schema))
        {
            if (!stats.TryGetValue(path, out var s))
            {
                continue;
            }
            Put(sizes, field.Id, Text(s, "column_size_bytes"));
            Put(values, field.Id, Text(s, "num_values"));
            Put(nulls, field.Id, Text(s, "null_count"));
            if (field.Type.Id is TypeId.Float or TypeId.Double && Text(s, "has_nan") == "false")
            {
                nans[field.Id] = 0;
            }
            if (repeated || field.Type is not PrimitiveType type)
            {
                continue;
            }
            if (Text(s, "min") is { } min && StatsValues.Lower(type, min) is { } lo)
            {
                lower[field.Id] = lo;
            }
            if (Text(s, "max") is { } max && StatsValues.Upper(type, max) is { } hi)
            {
                upper[field.Id] = hi;
            }
        }
        return new FileMetrics(sizes, values, nulls, nans, lower, upper);
    }

    private static string? Text(IDictionary stats, string key) =>
        stats.Contains(key) && stats[key] is { } value and not DBNull ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static void Put(Dictionary<int, long> target, int id, string? text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            target[id] = value;
        }
    }
}
