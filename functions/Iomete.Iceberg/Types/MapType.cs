namespace Iomete.Iceberg.Types;

/// <summary>A map: key and value field ids and types; keys are always required.</summary>
public sealed record MapType(int KeyId, IcebergType Key, int ValueId, IcebergType Value, bool ValueRequired) : IcebergType
{
    public override TypeId Id => TypeId.Map;

    /// <summary>The key as a field named "key" (always required).</summary>
    public NestedField KeyField => new(KeyId, "key", true, Key);

    /// <summary>The value as a field named "value".</summary>
    public NestedField ValueField => new(ValueId, "value", ValueRequired, Value);

    public override string ToString() => $"map<{Key}, {Value}>";
}
