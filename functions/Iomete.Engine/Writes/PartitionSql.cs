using Iomete.Engine.DuckDb;
using Iomete.Engine.Parquet;
using Iomete.Engine.Sessions;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Writes;

/// <summary>Iceberg partition transforms as DuckDB expressions over a row's columns (values as Iceberg stores them in partition tuples).</summary>
internal static class PartitionSql
{
    public static string Of(PartitionField field, Schema schema)
    {
        var source = schema.FindField(field.SourceId)
            ?? throw new SqlInvalidException($"Partition field '{field.Name}' reads column id {field.SourceId}, which the schema lacks");
        var path = schema.FindColumnName(field.SourceId) ?? source.Name;
        var column = string.Join('.', path.Split('.').Select(DuckDbSchema.Quote));
        return field.Transform switch
        {
            IdentityTransform => column,
            YearTransform => $"CAST(year({column}) - 1970 AS INTEGER)",
            MonthTransform => $"CAST((year({column}) - 1970) * 12 + month({column}) - 1 AS INTEGER)",
            DayTransform => $"CAST(date_diff('day', DATE '1970-01-01', CAST({column} AS DATE)) AS INTEGER)",
            HourTransform => $"CAST(floor(epoch_us({column}) / 3600000000) AS INTEGER)",
            TruncateTransform t when source.Type is PrimitiveType { Id: TypeId.Int or TypeId.Long } => $"({column} - ((({column} % {t.Width}) + {t.Width}) % {t.Width}))",
            TruncateTransform t when source.Type is PrimitiveType { Id: TypeId.String } => $"left({column}, {t.Width})",
            BucketTransform b when BucketFunctions.FunctionFor(source.Type) is { } function =>
                $"CASE WHEN {column} IS NULL THEN NULL ELSE {function}(CAST({column} AS {BucketArgument(source.Type)}), {b.NumBuckets}) END",
            VoidTransform => "NULL",
            _ => throw new SqlInvalidException($"Writing to a table partitioned by {field.Transform} of {source.Type} is not supported by the embedded engine yet"),
        };
    }

    /// <summary>The DuckDB type the bucket function takes (timestamps with a zone as UTC wall time: sessions run in UTC).</summary>
    private static string BucketArgument(IcebergType type) => type.Id switch
    {
        TypeId.Int => "INTEGER",
        TypeId.Long => "BIGINT",
        TypeId.String => "VARCHAR",
        TypeId.Date => "DATE",
        _ => "TIMESTAMP",
    };
}
