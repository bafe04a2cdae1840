using System.Globalization;

namespace Iomete.Iceberg.Scan;

/// <summary>A comparable key for a (spec id, partition tuple): equal tuples give equal keys, byte arrays by content.</summary>
internal static class PartitionKey
{
    public static string Of(int specId, IReadOnlyList<object?> partition) =>
        specId.ToString(CultureInfo.InvariantCulture) + "|" + string.Join("\u0001", partition.Select(Part));

    private static string Part(object? value) => value switch
    {
        null => "\u0000",
        byte[] b => "x" + Convert.ToHexString(b),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
