using System.Globalization;

namespace Iomete.Console.Shared;

/// <summary>Sizes and counts for people, the same on every page: 1536 → "1.5 KiB", 1234567 → "1,234,567".</summary>
public static class Sizes
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Bytes(long? bytes)
    {
        if (bytes is not { } b)
        {
            return "—";
        }
        double value = b;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{b} B" : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    public static string Count(long? n) => n is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";
}
