using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

/// <summary>
/// A table schema: a struct with a schema id and identifier field ids. Validated on construction
/// (unique field ids and names; identifier fields are required primitives, not float/double, not
/// inside a list, map or optional struct). Value equality over id, fields and identifier ids.
/// </summary>
public sealed record Schema
{
    private readonly SchemaIndex index;

    public Schema(int schemaId, IEnumerable<NestedField> fields, IEnumerable<int>? identifierFieldIds = null)
    {
        SchemaId = schemaId;
        Struct = new StructType(fields);
        IdentifierFieldIds = [.. identifierFieldIds ?? []];
        index = new SchemaIndex(Struct);
        ValidateIdentifierFields();
    }

    public int SchemaId { get; }

    public StructType Struct { get; }

    public IReadOnlyList<NestedField> Fields => Struct.Fields;

    public IReadOnlyList<int> IdentifierFieldIds { get; }

    /// <summary>The highest field id anywhere in the schema (0 when empty).</summary>
    public int HighestFieldId => index.Ids.DefaultIfEmpty(0).Max();

    /// <summary>The field (at any depth) with this id, or null.</summary>
    public NestedField? FindField(int id) => index.Field(id);

    /// <summary>The field for a dotted name (<c>a.b</c>, <c>list.element</c>, <c>map.value.x</c>), or null.</summary>
    public NestedField? FindField(string name, bool caseSensitive = true) =>
        index.IdOf(name, caseSensitive) is { } id ? index.Field(id) : null;

    /// <summary>The full dotted name of the field with this id, or null.</summary>
    public string? FindColumnName(int id) => index.Name(id);

    /// <summary>The id of the field containing this one (struct, list or map field), or null at top level.</summary>
    public int? ParentId(int id) => index.Parent(id);

    public IEnumerable<string> IdentifierFieldNames => IdentifierFieldIds.Select(id => index.Name(id)!);

    public Schema WithSchemaId(int schemaId) => new(schemaId, Fields, IdentifierFieldIds);

    public bool Equals(Schema? other) =>
        other is not null && SchemaId == other.SchemaId && Struct.Equals(other.Struct)
        && IdentifierFieldIds.SequenceEqual(other.IdentifierFieldIds);

    /// <summary>Same columns and identifier fields, ignoring the schema id.</summary>
    public bool SameColumns(Schema other) =>
        other is not null && Struct.Equals(other.Struct) && IdentifierFieldIds.Order().SequenceEqual(other.IdentifierFieldIds.Order());

    public override int GetHashCode() => HashCode.Combine(SchemaId, Struct, IdentifierFieldIds.Count);

    public override string ToString() => $"table {SchemaId} {Struct}";

    private void ValidateIdentifierFields()
    {
        if (IdentifierFieldIds.Distinct().Count() != IdentifierFieldIds.Count)
        {
            throw new SchemaValidationException("Identifier field ids must be unique");
        }
        foreach (var id in IdentifierFieldIds)
        {
            var field = index.Field(id) ?? throw new SchemaValidationException($"Identifier field id {id} is not in the schema");
            var name = index.Name(id);
            if (field.Type is not PrimitiveType p)
            {
                throw new SchemaValidationException($"Identifier field '{name}' must be a primitive type, not {field.Type}");
            }
            if (p.Id is TypeId.Float or TypeId.Double)
            {
                throw new SchemaValidationException($"Identifier field '{name}' must not be float or double");
            }
            if (!field.Required)
            {
                throw new SchemaValidationException($"Identifier field '{name}' must be required");
            }
            for (var parent = index.Parent(id); parent is { } pid; parent = index.Parent(pid))
            {
                var pf = index.Field(pid)!;
                if (pf.Type is ListType or MapType)
                {
                    throw new SchemaValidationException($"Identifier field '{name}' must not be nested in a list or map ('{index.Name(pid)}')");
                }
                if (!pf.Required)
                {
                    throw new SchemaValidationException($"Identifier field '{name}' must not be nested in an optional struct ('{index.Name(pid)}')");
                }
            }
        }
    }
}
