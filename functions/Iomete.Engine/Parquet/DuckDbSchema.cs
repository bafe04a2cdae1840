using System.Globalization;
using System.Text;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Parquet;

/// <summary>
/// Iceberg schemas in DuckDB terms: column types, the <c>FIELD_IDS</c> struct of <c>COPY … (FORMAT parquet)</c>
/// (nested ids under <c>__duckdb_field_id</c>, list child <c>element</c>, map children <c>key</c>/<c>value</c>),
/// and the leaf column paths as <c>RETURN_STATS</c> names them (<c>"st"."x"</c>).
/// </summary>
public static class DuckDbSchema
{
    public static string TypeOf(IcebergType type) => type switch
    {
        DecimalType d => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({d.Precision},{d.Scale})"),
        FixedType => "BLOB",
        StructType s => "STRUCT(" + string.Join(", ", s.Fields.Select(f => $"{Quote(f.Name)} {TypeOf(f.Type)}")) + ")",
        ListType l => TypeOf(l.Element) + "[]",
        MapType m => $"MAP({TypeOf(m.Key)}, {TypeOf(m.Value)})",
        PrimitiveType p => p.Id switch
        {
            TypeId.Boolean => "BOOLEAN",
            TypeId.Int => "INTEGER",
            TypeId.Long => "BIGINT",
            TypeId.Float => "FLOAT",
            TypeId.Double => "DOUBLE",
            TypeId.Date => "DATE",
            TypeId.Time => "TIME",
            TypeId.Timestamp => "TIMESTAMP",
            TypeId.TimestampTz => "TIMESTAMPTZ",
            TypeId.TimestampNs => "TIMESTAMP_NS",
            TypeId.String => "VARCHAR",
            TypeId.Uuid => "UUID",
            TypeId.Binary => "BLOB",
            _ => throw new NotSupportedException($"Iceberg type {p} cannot be written to Parquet through DuckDB"),
        },
        _ => throw new NotSupportedException($"Iceberg type {type} cannot be written to Parquet through DuckDB"),
    };

    /// <summary>The <c>FIELD_IDS</c> option value for the schema's columns.</summary>
    public static string FieldIds(Schema schema) => "{" + string.Join(", ", schema.Fields.Select(f => $"{Literal(f.Name)}: {FieldIds(f.Id, f.Type)}")) + "}";

    private static string FieldIds(int id, IcebergType type)
    {
        var own = id.ToString(CultureInfo.InvariantCulture);
        return type switch
        {
            StructType s => "{__duckdb_field_id: " + own + string.Concat(s.Fields.Select(f => $", {Literal(f.Name)}: {FieldIds(f.Id, f.Type)}")) + "}",
            ListType l => "{__duckdb_field_id: " + own + $", element: {FieldIds(l.ElementId, l.Element)}" + "}",
            MapType m => "{__duckdb_field_id: " + own + $", key: {FieldIds(m.KeyId, m.Key)}, value: {FieldIds(m.ValueId, m.Value)}" + "}",
            _ => own,
        };
    }

    /// <summary>Every primitive leaf: its <c>RETURN_STATS</c> path, field and whether it sits inside a list or map.</summary>
    public static IEnumerable<(string Path, NestedField Field, bool Repeated)> Leaves(Schema schema) =>
        schema.Fields.SelectMany(f => Leaves([f.Name], f, false));

    private static IEnumerable<(string, NestedField, bool)> Leaves(IReadOnlyList<string> path, NestedField field, bool repeated) => field.Type switch
    {
        StructType s => s.Fields.SelectMany(c => Leaves([.. path, c.Name], c, repeated)),
        ListType l => Leaves([.. path, "element"], l.ElementField, true),
        MapType m => Leaves([.. path, "key"], m.KeyField, true).Concat(Leaves([.. path, "value"], m.ValueField, true)),
        _ => [(string.Join('.', path.Select(Quote)), field, repeated)],
    };

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Columns(Schema schema)
    {
        var sb = new StringBuilder();
        foreach (var f in schema.Fields)
        {
            sb.Append(sb.Length == 0 ? "" : ", ").Append(Quote(f.Name)).Append(' ').Append(TypeOf(f.Type));
        }
        return sb.ToString();
    }
}
