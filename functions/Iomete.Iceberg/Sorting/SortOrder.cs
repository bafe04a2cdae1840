using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Sorting;

/// <summary>A sort order: order id (0 is reserved for the unsorted order) and ordered fields.</summary>
public sealed record SortOrder
{
    public const int UnsortedOrderId = 0;

    public SortOrder(int orderId, IEnumerable<SortField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        OrderId = orderId;
        Fields = [.. fields];
        if (orderId == UnsortedOrderId && Fields.Count > 0)
        {
            throw new SchemaValidationException("Sort order id 0 is reserved for the unsorted order and must have no fields");
        }
        if (orderId != UnsortedOrderId && Fields.Count == 0)
        {
            throw new SchemaValidationException($"Sort order {orderId} has no fields; only the unsorted order (id 0) may be empty");
        }
    }

    public static SortOrder Unsorted { get; } = new(UnsortedOrderId, []);

    public int OrderId { get; }

    public IReadOnlyList<SortField> Fields { get; }

    public bool IsUnsorted => Fields.Count == 0;

    /// <summary>Same fields (ignoring the order id).</summary>
    public bool SameFields(SortOrder other) => other is not null && Fields.SequenceEqual(other.Fields);

    /// <summary>Checks that every source column exists, is primitive and accepted by its transform.</summary>
    public void Validate(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var f in Fields)
        {
            var source = schema.FindField(f.SourceId)
                ?? throw new SchemaValidationException($"Sort field refers to missing column id {f.SourceId}");
            if (source.Type is not PrimitiveType)
            {
                throw new SchemaValidationException($"Sort field on '{schema.FindColumnName(f.SourceId)}' has a non-primitive source {source.Type}");
            }
            if (!f.Transform.CanTransform(source.Type))
            {
                throw new SchemaValidationException($"Transform {f.Transform} cannot sort '{schema.FindColumnName(f.SourceId)}' of type {source.Type}");
            }
        }
    }

    public bool Equals(SortOrder? other) => other is not null && OrderId == other.OrderId && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => HashCode.Combine(OrderId, Fields.Count);

    public override string ToString() => $"[{OrderId}: {string.Join(", ", Fields.Select(f => $"{f.Transform}({f.SourceId}) {f.Direction} {f.NullOrder}"))}]";
}
