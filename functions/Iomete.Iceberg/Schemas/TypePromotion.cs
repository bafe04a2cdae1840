using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Schemas;

/// <summary>The spec's allowed type promotions (schema evolution).</summary>
public static class TypePromotion
{
    /// <summary>
    /// int→long, float→double, decimal(P,S)→decimal(P',S) with P'≥P; from format v3 also date→timestamp/timestamp_ns
    /// and unknown→any primitive. The same type is always allowed.
    /// </summary>
    public static bool IsAllowed(PrimitiveType from, PrimitiveType to, int formatVersion)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Equals(to))
        {
            return true;
        }
        return (from, to) switch
        {
            ({ Id: TypeId.Int }, { Id: TypeId.Long }) => true,
            ({ Id: TypeId.Float }, { Id: TypeId.Double }) => true,
            (DecimalType a, DecimalType b) => a.Scale == b.Scale && b.Precision >= a.Precision,
            ({ Id: TypeId.Date }, { Id: TypeId.Timestamp or TypeId.TimestampNs }) => formatVersion >= 3,
            ({ Id: TypeId.Unknown }, _) => formatVersion >= 3,
            _ => false,
        };
    }
}
