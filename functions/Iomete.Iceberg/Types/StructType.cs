namespace Iomete.Iceberg.Types;

/// <summary>A struct: an ordered list of fields. Equality compares the fields in order.</summary>
public sealed record StructType : IcebergType
{
    public StructType(IEnumerable<NestedField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = [.. fields];
    }

    public override TypeId Id => TypeId.Struct;

    public IReadOnlyList<NestedField> Fields { get; }

    /// <summary>The direct field with this id, or null.</summary>
    public NestedField? Field(int id) => Fields.FirstOrDefault(f => f.Id == id);

    /// <summary>The direct field with this name (case-sensitive), or null.</summary>
    public NestedField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public bool Equals(StructType? other) =>
        other is not null && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var field in Fields)
        {
            hash.Add(field);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "struct<" + string.Join(", ", Fields.Select(f => $"{f.Id}: {f.Name}: {(f.Required ? "required" : "optional")} {f.Type}")) + ">";
}
