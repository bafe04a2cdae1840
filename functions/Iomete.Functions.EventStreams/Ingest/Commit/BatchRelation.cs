using Iomete.Engine.Parquet;
using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Commit;

/// <summary>
/// The DuckDB query that reads a batch file of normalized rows back as the table's columns, in schema order: client
/// columns typed by <c>read_json</c>, binary decoded from base64, and the system columns filled in (a UUID per row,
/// the ingest time from its epoch microseconds, the commit's write id).
/// </summary>
internal static class BatchRelation
{
    public static string Sql(Schema schema, string ndjsonPath, string writeId)
    {
        var columns = new List<string>();
        var select = new List<string>();
        foreach (var field in schema.Fields)
        {
            var name = DuckDbSchema.Quote(field.Name);
            switch (field.Name)
            {
                case SystemColumns.Id:
                    select.Add(field.Type is PrimitiveType { Id: TypeId.Uuid } ? "uuid()" : "CAST(uuid() AS VARCHAR)");
                    continue;
                case SystemColumns.Timestamp:
                    select.Add("make_timestamp(\"__ts__\")");
                    continue;
                case SystemColumns.WriteId:
                    select.Add(DuckDbSchema.Literal(writeId));
                    continue;
            }
            var binary = field.Type is FixedType or PrimitiveType { Id: TypeId.Binary };
            // Top-level timestamps arrive as epoch microseconds (see ValueNormalizer).
            var micros = field.Type is PrimitiveType { Id: TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs };
            columns.Add($"{DuckDbSchema.Literal(field.Name)}: {DuckDbSchema.Literal(binary ? "VARCHAR" : micros ? "BIGINT" : DuckDbSchema.TypeOf(field.Type))}");
            select.Add(binary ? $"from_base64({name})" : micros ? $"make_timestamp({name})" : name);
        }
        columns.Add("'__ts__': 'BIGINT'");
        return $"SELECT {string.Join(", ", select)} FROM read_json({DuckDbSchema.Literal(ndjsonPath)}, format = 'newline_delimited', "
            + $"records = true, maximum_object_size = 134217728, columns = {{{string.Join(", ", columns)}}})";
    }
}
