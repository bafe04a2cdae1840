using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

/// <summary>
/// Re-numbers a schema's field ids from 1 (or any start), as a catalog does for the schema of a new table:
/// each struct's own fields get ids before the fields nested in them. Identifier fields follow the new ids.
/// </summary>
public static class FreshIds
{
    /// <summary>The renumbered schema, the highest id used, and the map from old to new ids (for partition and sort sources).</summary>
    public static (Schema Schema, int LastColumnId, IReadOnlyDictionary<int, int> IdMap) Assign(Schema schema, int schemaId = 0, int lastColumnId = 0)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var next = lastColumnId;
        var map = new Dictionary<int, int>();
        var root = (StructType)Renumber(schema.Struct, ref next, map);
        var identifiers = schema.IdentifierFieldIds.Select(id => map[id]);
        return (new Schema(schemaId, root.Fields, identifiers), next, map);
    }

    private static IcebergType Renumber(IcebergType type, ref int next, Dictionary<int, int> map)
    {
        switch (type)
        {
            case StructType s:
                var ids = new int[s.Fields.Count];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = ++next;
                    map[s.Fields[i].Id] = ids[i];
                }
                var fields = new NestedField[ids.Length];
                for (var i = 0; i < ids.Length; i++)
                {
                    fields[i] = s.Fields[i] with { Id = ids[i], Type = Renumber(s.Fields[i].Type, ref next, map) };
                }
                return new StructType(fields);
            case ListType l:
                var elementId = ++next;
                map[l.ElementId] = elementId;
                return new ListType(elementId, Renumber(l.Element, ref next, map), l.ElementRequired);
            case MapType m:
                var keyId = ++next;
                var valueId = ++next;
                map[m.KeyId] = keyId;
                map[m.ValueId] = valueId;
                return new MapType(keyId, Renumber(m.Key, ref next, map), valueId, Renumber(m.Value, ref next, map), m.ValueRequired);
            default:
                return type;
        }
    }
}
