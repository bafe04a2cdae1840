using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Partitioning;

/// <summary>Computes a row's partition tuple from its source column values.</summary>
public static class PartitionValues
{
    /// <summary>
    /// One value per partition field, in spec order: the field's transform applied to the source column's value
    /// (<paramref name="sourceValue"/> gets a column id and returns the value in the <see cref="IcebergValues"/> representation).
    /// </summary>
    public static object?[] Compute(PartitionSpec spec, Schema schema, Func<int, object?> sourceValue)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(sourceValue);
        var values = new object?[spec.Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var field = spec.Fields[i];
            var source = schema.FindField(field.SourceId)
                ?? throw new SchemaValidationException($"Partition field '{field.Name}' refers to missing column id {field.SourceId}");
            values[i] = field.Transform.Apply(source.Type, sourceValue(field.SourceId));
        }
        return values;
    }
}
