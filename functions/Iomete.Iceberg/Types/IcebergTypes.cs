namespace Iomete.Iceberg.Types;

/// <summary>Factories and shared instances of the Iceberg types.</summary>
public static class IcebergTypes
{
    public static PrimitiveType Boolean { get; } = new(TypeId.Boolean);
    public static PrimitiveType Int { get; } = new(TypeId.Int);
    public static PrimitiveType Long { get; } = new(TypeId.Long);
    public static PrimitiveType Float { get; } = new(TypeId.Float);
    public static PrimitiveType Double { get; } = new(TypeId.Double);
    public static PrimitiveType Date { get; } = new(TypeId.Date);
    public static PrimitiveType Time { get; } = new(TypeId.Time);
    public static PrimitiveType Timestamp { get; } = new(TypeId.Timestamp);
    public static PrimitiveType TimestampTz { get; } = new(TypeId.TimestampTz);
    public static PrimitiveType TimestampNs { get; } = new(TypeId.TimestampNs);
    public static PrimitiveType TimestampTzNs { get; } = new(TypeId.TimestampTzNs);
    public static PrimitiveType String { get; } = new(TypeId.String);
    public static PrimitiveType Uuid { get; } = new(TypeId.Uuid);
    public static PrimitiveType Binary { get; } = new(TypeId.Binary);

    /// <summary>v3: a type whose values are always null.</summary>
    public static PrimitiveType Unknown { get; } = new(TypeId.Unknown);

    /// <summary>v3: semi-structured values.</summary>
    public static PrimitiveType Variant { get; } = new(TypeId.Variant);

    public static DecimalType Decimal(int precision, int scale) => new(precision, scale);

    public static FixedType Fixed(int length) => new(length);

    public static StructType Struct(params NestedField[] fields) => new(fields);

    public static ListType List(int elementId, IcebergType element, bool elementRequired = false) => new(elementId, element, elementRequired);

    public static MapType Map(int keyId, IcebergType key, int valueId, IcebergType value, bool valueRequired = false) =>
        new(keyId, key, valueId, value, valueRequired);

    public static NestedField Required(int id, string name, IcebergType type, string? doc = null) => new(id, name, true, type, doc);

    public static NestedField Optional(int id, string name, IcebergType type, string? doc = null) => new(id, name, false, type, doc);

    /// <summary>The type for a name without parameters ("int", "timestamptz", …), or null.</summary>
    internal static PrimitiveType? FromName(string name) => name switch
    {
        "boolean" => Boolean,
        "int" => Int,
        "long" => Long,
        "float" => Float,
        "double" => Double,
        "date" => Date,
        "time" => Time,
        "timestamp" => Timestamp,
        "timestamptz" => TimestampTz,
        "timestamp_ns" => TimestampNs,
        "timestamptz_ns" => TimestampTzNs,
        "string" => String,
        "uuid" => Uuid,
        "binary" => Binary,
        "unknown" => Unknown,
        "variant" => Variant,
        _ => null,
    };
}
