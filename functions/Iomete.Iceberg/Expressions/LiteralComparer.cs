namespace Iomete.Iceberg.Expressions;

/// <summary>Literal equality with byte arrays compared by content.</summary>
internal sealed class LiteralComparer : IEqualityComparer<object>
{
    public static LiteralComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => x is byte[] a && y is byte[] b ? a.AsSpan().SequenceEqual(b) : object.Equals(x, y);

    public int GetHashCode(object obj) => obj is byte[] b ? b.Length : obj.GetHashCode();
}
