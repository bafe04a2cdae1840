using System.Buffers.Binary;

namespace Iomete.Functions.Sql.Results;

/// <summary>
/// A <see cref="decimal"/> as Arrow's Decimal128 cell: the unscaled value at the column's scale, 16 bytes little-endian
/// two's complement. Built from the decimal's own bits (no <c>SqlDecimal</c> round trip, which tripled the cost of
/// decimal columns in large results).
/// </summary>
internal static class DecimalBytes
{
    public static void Write(decimal value, int scale, Span<byte> destination)
    {
        if (value.Scale > scale)
        {
            value = Math.Round(value, scale, MidpointRounding.ToEven);
        }
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        for (var s = (bits[3] >> 16) & 0xFF; s < scale; s++)
        {
            magnitude *= 10;
        }
        var unscaled = bits[3] < 0 ? -(Int128)magnitude : (Int128)magnitude;
        BinaryPrimitives.WriteInt128LittleEndian(destination, unscaled);
    }
}
