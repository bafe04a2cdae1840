using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

/// <summary>
/// Lookup tables of a schema: field by id, parent chain by id, and dotted names. A list's element is
/// named <c>a.element</c>, a map's <c>m.key</c>/<c>m.value</c>; fields of a struct inside a list
/// or map value also answer to the short name (<c>a.x</c> for <c>a.element.x</c>).
/// </summary>
internal sealed class SchemaIndex
{
    private readonly Dictionary<int, NestedField> byId = [];
    private readonly Dictionary<int, int> parentOf = [];
    private readonly Dictionary<int, string> nameOf = [];
    private readonly Dictionary<string, int> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> byLowerName = new(StringComparer.Ordinal);

    public SchemaIndex(StructType root) => Visit(root, parentId: null, prefix: null, shortPrefix: null);

    public NestedField? Field(int id) => byId.GetValueOrDefault(id);

    public int? Parent(int id) => parentOf.TryGetValue(id, out var p) ? p : null;

    public string? Name(int id) => nameOf.GetValueOrDefault(id);

    public int? IdOf(string name, bool caseSensitive) =>
        caseSensitive
            ? (byName.TryGetValue(name, out var id) ? id : null)
            : (byLowerName.TryGetValue(name.ToLowerInvariant(), out var lid) ? lid : null);

    public IEnumerable<int> Ids => byId.Keys;

    private void Visit(IcebergType type, int? parentId, string? prefix, string? shortPrefix)
    {
        switch (type)
        {
            case StructType s:
                foreach (var f in s.Fields)
                {
                    Add(f, parentId, Join(prefix, f.Name), shortPrefix is null ? null : Join(shortPrefix, f.Name));
                }
                break;
            case ListType l:
                Add(l.ElementField, parentId, Join(prefix, "element"), null, shortStructPrefix: prefix);
                break;
            case MapType m:
                Add(m.KeyField, parentId, Join(prefix, "key"), null);
                Add(m.ValueField, parentId, Join(prefix, "value"), null, shortStructPrefix: prefix);
                break;
        }
    }

    private void Add(NestedField field, int? parentId, string fullName, string? shortName, string? shortStructPrefix = null)
    {
        if (!byId.TryAdd(field.Id, field))
        {
            throw new SchemaValidationException($"Duplicate field id {field.Id}: '{nameOf[field.Id]}' and '{fullName}'");
        }
        if (parentId is { } p)
        {
            parentOf[field.Id] = p;
        }
        nameOf[field.Id] = fullName;
        AddName(fullName, field.Id);
        if (shortName is not null)
        {
            byName.TryAdd(shortName, field.Id);
            byLowerName.TryAdd(shortName.ToLowerInvariant(), field.Id);
        }
        var childShortPrefix = field.Type is StructType && shortStructPrefix is not null ? shortStructPrefix : shortName;
        Visit(field.Type, field.Id, fullName, childShortPrefix);
    }

    private void AddName(string name, int id)
    {
        if (!byName.TryAdd(name, id))
        {
            throw new SchemaValidationException($"Duplicate field name '{name}'");
        }
        byLowerName.TryAdd(name.ToLowerInvariant(), id);
    }

    private static string Join(string? prefix, string name) => prefix is null ? name : prefix + "." + name;
}
