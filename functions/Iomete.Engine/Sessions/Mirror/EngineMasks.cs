using Iomete.DataSecurity.Decisions;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>A column mask as DuckDB SQL over the column's reference, keeping the column's type.</summary>
internal static class EngineMasks
{
    public static string Render(ColumnMask mask, string columnSql, IcebergType type) =>
        throw new InvalidOperationException($"mask {mask.MaskType} on {columnSql} ({type}) awaits the policy engine's renderer");
}
