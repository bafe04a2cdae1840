namespace Iomete.Iceberg.Types;

/// <summary>A list: element field id, element type and whether elements are required.</summary>
public sealed record ListType(int ElementId, IcebergType Element, bool ElementRequired) : IcebergType
{
    public override TypeId Id => TypeId.List;

    /// <summary>The element as a field named "element".</summary>
    public NestedField ElementField => new(ElementId, "element", ElementRequired, Element);

    public override string ToString() => $"list<{Element}>";
}
