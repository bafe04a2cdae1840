using Iomete.Engine.Catalogs;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// What ingest needs of a table's current schema: the client-settable columns by name, and whether every column is of
/// a type events can carry (JSON values for Iceberg primitives, structs, lists and string-keyed maps).
/// </summary>
internal sealed class TableShape
{
    private TableShape(TableIdent table, TableMetadata metadata, FieldLookup columns)
    {
        Table = table;
        Metadata = metadata;
        Columns = columns;
    }

    public TableIdent Table { get; }

    public TableMetadata Metadata { get; }

    public FieldLookup Columns { get; }

    /// <exception cref="NotSupportedException">A column's type cannot be ingested (the message names it).</exception>
    public static TableShape Of(TableIdent table, TableMetadata metadata)
    {
        var user = metadata.CurrentSchema.Fields.Where(f => !SystemColumns.IsSystem(f.Name)).ToList();
        foreach (var field in metadata.CurrentSchema.Fields)
        {
            Check(field.Name, field.Type, nested: false);
        }
        return new TableShape(table, metadata, new FieldLookup(user.Select((f, i) => new ColumnPlan(f, f.Name, i, topLevel: true))));
    }

    private static void Check(string path, IcebergType type, bool nested)
    {
        switch (type)
        {
            case StructType s:
                foreach (var f in s.Fields)
                {
                    Check(path + "." + f.Name, f.Type, nested: true);
                }
                break;
            case ListType l:
                Check(path + "[]", l.Element, nested: true);
                break;
            case MapType m:
                if (m.Key is not PrimitiveType { Id: TypeId.String })
                {
                    throw new NotSupportedException($"Column '{path}' is a map with {m.Key} keys; events can fill maps with string keys only");
                }
                Check(path + "{}", m.Value, nested: true);
                break;
            case FixedType or PrimitiveType { Id: TypeId.Binary } when nested:
                throw new NotSupportedException($"Column '{path}' holds binary values inside a nested type; ingest writes binary only in top-level columns");
            default:
                _ = DuckDbSchema.TypeOf(type);
                if (type is PrimitiveType { Id: TypeId.Unknown or TypeId.Variant })
                {
                    throw new NotSupportedException($"Column '{path}' has type {type}, which ingest cannot write");
                }
                break;
        }
    }
}
