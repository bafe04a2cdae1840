using System.Globalization;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Parquet;

/// <summary>Normalizes in-memory rows and splits them by partition tuple (<see cref="Transform.Apply"/> on top-level source columns).</summary>
internal static class RowPartitions
{
    public static List<(IReadOnlyList<object?> Partition, List<object?[]> Rows)> Split(Schema schema, PartitionSpec spec, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sources = spec.Fields.Select(f =>
        {
            var index = schema.Fields.ToList().FindIndex(c => c.Id == f.SourceId);
            return index >= 0
                ? index
                : throw new ArgumentException($"Partition field '{f.Name}' has a nested source column; write such tables from a query", nameof(spec));
        }).ToList();
        var groups = new List<(IReadOnlyList<object?>, List<object?[]>)>();
        var byKey = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Count != schema.Fields.Count)
            {
                throw new ArgumentException($"A row has {row.Count} values for {schema.Fields.Count} columns", nameof(rows));
            }
            var values = new object?[row.Count];
            for (var i = 0; i < row.Count; i++)
            {
                values[i] = RowValues.Normalize(schema.Fields[i].Type, row[i]);
                if (values[i] is null && schema.Fields[i].Required)
                {
                    throw new ArgumentException($"Column '{schema.Fields[i].Name}' is required but a row holds null", nameof(rows));
                }
            }
            var partition = spec.Fields.Select((f, i) => f.Transform.Apply(schema.Fields[sources[i]].Type, values[sources[i]])).ToList();
            var key = string.Join('\u0001', partition.Select(Key));
            if (!byKey.TryGetValue(key, out var list))
            {
                list = [];
                byKey[key] = list;
                groups.Add((partition, list));
            }
            list.Add(values);
        }
        return groups;
    }

    private static string Key(object? value) => value switch
    {
        null => "\u0000",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
