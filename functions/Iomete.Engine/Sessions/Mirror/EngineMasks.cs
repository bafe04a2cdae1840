using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Masking;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>A column mask as DuckDB SQL over the column's reference, cast back to the column's type.</summary>
internal static class EngineMasks
{
    public static string Render(ColumnMask mask, string columnSql, IcebergType type) =>
        MaskSql.Render(SqlDialect.DuckDb, new MaskColumn(columnSql, KindOf(type), DuckDbSchema.TypeOf(type)), mask);

    private static MaskValueKind KindOf(IcebergType type) => type.Id switch
    {
        TypeId.String or TypeId.Uuid => MaskValueKind.String,
        TypeId.Int or TypeId.Long => MaskValueKind.Integer,
        TypeId.Float or TypeId.Double or TypeId.Decimal => MaskValueKind.Decimal,
        TypeId.Date => MaskValueKind.Date,
        TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs => MaskValueKind.Timestamp,
        TypeId.Boolean => MaskValueKind.Boolean,
        TypeId.Binary or TypeId.Fixed => MaskValueKind.Binary,
        _ => MaskValueKind.Other,
    };
}
