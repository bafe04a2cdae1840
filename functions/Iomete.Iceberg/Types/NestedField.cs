namespace Iomete.Iceberg.Types;

/// <summary>A struct field (or schema column): id, name, required, type, doc and the v3 defaults.</summary>
public sealed record NestedField(
    int Id,
    string Name,
    bool Required,
    IcebergType Type,
    string? Doc = null,
    DefaultValue? InitialDefault = null,
    DefaultValue? WriteDefault = null)
{
    public bool Optional => !Required;

    public NestedField AsOptional() => this with { Required = false };

    public NestedField AsRequired() => this with { Required = true };
}
