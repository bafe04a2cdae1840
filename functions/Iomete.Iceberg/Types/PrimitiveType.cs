using System.Globalization;

namespace Iomete.Iceberg.Types;

/// <summary>
/// A primitive type. Parameterless primitives are shared instances (see <see cref="IcebergTypes"/>);
/// <see cref="DecimalType"/> and <see cref="FixedType"/> carry their parameters.
/// <see cref="ToString"/> is the spec's JSON string form.
/// </summary>
public record PrimitiveType : IcebergType
{
    private readonly TypeId id;

    internal PrimitiveType(TypeId id) => this.id = id;

    public override TypeId Id => id;

    public override string ToString() => id switch
    {
        TypeId.Boolean => "boolean",
        TypeId.Int => "int",
        TypeId.Long => "long",
        TypeId.Float => "float",
        TypeId.Double => "double",
        TypeId.Date => "date",
        TypeId.Time => "time",
        TypeId.Timestamp => "timestamp",
        TypeId.TimestampTz => "timestamptz",
        TypeId.TimestampNs => "timestamp_ns",
        TypeId.TimestampTzNs => "timestamptz_ns",
        TypeId.String => "string",
        TypeId.Uuid => "uuid",
        TypeId.Binary => "binary",
        TypeId.Unknown => "unknown",
        TypeId.Variant => "variant",
        _ => id.ToString().ToLowerInvariant(),
    };
}

/// <summary><c>decimal(P,S)</c>: precision 1..38, scale ≥ 0.</summary>
public sealed record DecimalType : PrimitiveType
{
    public DecimalType(int precision, int scale)
        : base(TypeId.Decimal)
    {
        if (precision is < 1 or > 38)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Decimal precision must be between 1 and 38.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        Precision = precision;
        Scale = scale;
    }

    public int Precision { get; }

    public int Scale { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})");
}

/// <summary><c>fixed[L]</c>: a byte array of exactly L bytes.</summary>
public sealed record FixedType : PrimitiveType
{
    public FixedType(int length)
        : base(TypeId.Fixed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
    }

    public int Length { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"fixed[{Length}]");
}
