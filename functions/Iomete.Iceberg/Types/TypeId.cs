namespace Iomete.Iceberg.Types;

/// <summary>The kinds of Iceberg types (format v1–v3; geometry/geography are not modelled).</summary>
public enum TypeId
{
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Decimal,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    TimestampNs,
    TimestampTzNs,
    String,
    Uuid,
    Fixed,
    Binary,
    Unknown,
    Variant,
    Struct,
    List,
    Map,
}
