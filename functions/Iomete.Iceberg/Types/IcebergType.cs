namespace Iomete.Iceberg.Types;

/// <summary>An Iceberg type: a <see cref="PrimitiveType"/> or a nested struct, list or map. Immutable, value equality.</summary>
public abstract record IcebergType
{
    private protected IcebergType()
    {
    }

    public abstract TypeId Id { get; }

    public bool IsPrimitive => this is PrimitiveType;

    public bool IsNested => !IsPrimitive;
}
