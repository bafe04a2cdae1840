using System.Globalization;
using System.Text;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Partitioning;

/// <summary>
/// <c>truncate[W]</c>: ints and longs round down to a multiple of W (<c>v - (((v % W) + W) % W)</c>),
/// decimals likewise on the unscaled value, strings keep W code points, binary keeps W bytes.
/// </summary>
public sealed record TruncateTransform : Transform
{
    public TruncateTransform(int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Width = width;
    }

    public int Width { get; }

    public override bool CanTransform(IcebergType source) =>
        source.Id is TypeId.Int or TypeId.Long or TypeId.Decimal or TypeId.String or TypeId.Binary;

    public override IcebergType ResultType(IcebergType source) => source;

    private protected override object? ApplyNonNull(IcebergType source, object value) => source.Id switch
    {
        TypeId.Int => (int)TruncateLong(As<int>(value, source)),
        TypeId.Long => TruncateLong(As<long>(value, source)),
        TypeId.Decimal => TruncateDecimal(As<decimal>(value, source), ((DecimalType)source).Scale),
        TypeId.String => TruncateString(As<string>(value, source)),
        TypeId.Binary => As<byte[]>(value, source) is var b && b.Length > Width ? b[..Width] : As<byte[]>(value, source),
        _ => throw new ArgumentException($"Cannot truncate {source}", nameof(source)),
    };

    private long TruncateLong(long v) => v - (((v % Width) + Width) % Width);

    private decimal TruncateDecimal(decimal value, int scale)
    {
        var unscaled = IcebergValues.Unscaled(value, scale);
        var truncated = unscaled - (((unscaled % Width) + Width) % Width);
        return IcebergValues.FromUnscaled(truncated, scale);
    }

    private string TruncateString(string value)
    {
        var builder = new StringBuilder();
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (count++ == Width)
            {
                break;
            }
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"truncate[{Width}]");
}
