using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Partitioning;

/// <summary>A partition spec: spec id and ordered fields. Value equality over id and fields.</summary>
public sealed record PartitionSpec
{
    /// <summary>Partition field ids start here (the spec's v1 convention, kept in v2).</summary>
    public const int FirstFieldId = 1000;

    public PartitionSpec(int specId, IEnumerable<PartitionField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        SpecId = specId;
        Fields = [.. fields];
    }

    public static PartitionSpec Unpartitioned { get; } = new(0, []);

    public int SpecId { get; }

    public IReadOnlyList<PartitionField> Fields { get; }

    public bool IsUnpartitioned => Fields.All(f => f.Transform is VoidTransform);

    /// <summary>The highest partition field id, or 999 when there are none.</summary>
    public int LastAssignedFieldId => Fields.Count == 0 ? FirstFieldId - 1 : Fields.Max(f => f.FieldId);

    /// <summary>The struct of partition values: one optional field per partition field, typed by the transform's result.</summary>
    public StructType PartitionType(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new StructType(Fields.Select(f =>
        {
            var source = schema.FindField(f.SourceId)
                ?? throw new SchemaValidationException($"Partition field '{f.Name}' refers to missing column id {f.SourceId}");
            return new NestedField(f.FieldId, f.Name, false, f.Transform.ResultType(source.Type));
        }));
    }

    /// <summary>Same fields (ignoring the spec id): such a spec must not be added twice.</summary>
    public bool SameFields(PartitionSpec other) => other is not null && Fields.SequenceEqual(other.Fields);

    /// <summary>
    /// Checks the spec against a schema: sources exist and are primitive, transforms accept them, names
    /// are unique and non-empty, field ids unique, no name collides with a column unless it is that column's identity partition.
    /// </summary>
    public void Validate(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<int>();
        foreach (var f in Fields)
        {
            if (string.IsNullOrEmpty(f.Name))
            {
                throw new SchemaValidationException($"Partition field {f.FieldId} has an empty name");
            }
            if (!names.Add(f.Name))
            {
                throw new SchemaValidationException($"Duplicate partition field name '{f.Name}'");
            }
            if (!ids.Add(f.FieldId))
            {
                throw new SchemaValidationException($"Duplicate partition field id {f.FieldId}");
            }
            var source = schema.FindField(f.SourceId);
            if (source is null)
            {
                if (f.Transform is VoidTransform)
                {
                    continue; // a dropped column's field stays as void in v1 specs
                }
                throw new SchemaValidationException($"Partition field '{f.Name}' refers to missing column id {f.SourceId}");
            }
            if (source.Type is not PrimitiveType)
            {
                throw new SchemaValidationException($"Partition field '{f.Name}' has a non-primitive source {source.Type}");
            }
            if (!f.Transform.CanTransform(source.Type))
            {
                throw new SchemaValidationException($"Transform {f.Transform} of partition field '{f.Name}' cannot apply to {source.Type}");
            }
            if (schema.FindField(f.Name) is { } column && !(f.Transform is IdentityTransform or VoidTransform && column.Id == f.SourceId))
            {
                throw new SchemaValidationException($"Partition field name '{f.Name}' conflicts with a schema column");
            }
        }
    }

    public bool Equals(PartitionSpec? other) => other is not null && SpecId == other.SpecId && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => HashCode.Combine(SpecId, Fields.Count);

    public override string ToString() => $"[{SpecId}: {string.Join(", ", Fields.Select(f => $"{f.FieldId}: {f.Name}: {f.Transform}({f.SourceId})"))}]";
}
