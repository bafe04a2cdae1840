using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Reads;

/// <summary>
/// read_parquet maps top-level columns by field id but fields inside structs (also in lists and maps) by name, so a
/// nested field renamed in any schema of the table would read as NULL from older files. Such reads are refused.
/// </summary>
internal static class NestedRenames
{
    public static void Refuse(TableMetadata metadata, Schema read)
    {
        var names = NestedNames(read).ToDictionary(n => n.Id, n => n.Name);
        foreach (var schema in metadata.Schemas)
        {
            foreach (var (id, name) in NestedNames(schema))
            {
                if (names.TryGetValue(id, out var current) && !string.Equals(current, name, StringComparison.Ordinal))
                {
                    throw new NotSupportedException(
                        $"Nested field {id} is named '{name}' in schema {schema.SchemaId} and '{current}' in the read schema; renamed nested fields are not read yet");
                }
            }
        }
    }

    private static IEnumerable<(int Id, string Name)> NestedNames(Schema schema) => schema.Fields.SelectMany(f => Children(f.Type));

    private static IEnumerable<(int Id, string Name)> Children(IcebergType type) => type switch
    {
        StructType s => s.Fields.SelectMany(f => Children(f.Type).Prepend((f.Id, f.Name))),
        ListType l => Children(l.Element),
        MapType m => Children(m.Key).Concat(Children(m.Value)),
        _ => [],
    };
}
