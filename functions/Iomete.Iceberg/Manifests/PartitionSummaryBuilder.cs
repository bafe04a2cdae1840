using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Manifests;

/// <summary>Accumulates the manifest list's per-partition-field summary (nulls, NaNs, lower and upper bound) as entries are written.</summary>
internal sealed class PartitionSummaryBuilder(StructType partitionType)
{
    private readonly Field[] fields = [.. partitionType.Fields.Select(f => new Field((PrimitiveType)f.Type))];

    public void Update(IReadOnlyList<object?> partition)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i].Update(partition[i]);
        }
    }

    public IReadOnlyList<PartitionFieldSummary> Build() => [.. fields.Select(f => f.Build())];

    private sealed class Field(PrimitiveType type)
    {
        private bool containsNull;
        private bool containsNan;
        private object? lower;
        private object? upper;

        public void Update(object? value)
        {
            if (value is null)
            {
                containsNull = true;
                return;
            }
            if (value is double.NaN or float.NaN)
            {
                containsNan = true;
                return;
            }
            if (lower is null || ValueComparer.Compare(type, value, lower) < 0)
            {
                lower = value;
            }
            if (upper is null || ValueComparer.Compare(type, value, upper) > 0)
            {
                upper = value;
            }
        }

        public PartitionFieldSummary Build() => new(
            containsNull,
            containsNan,
            lower is null ? null : SingleValue.Serialize(type, lower),
            upper is null ? null : SingleValue.Serialize(type, upper));
    }
}
