namespace Iomete.Engine.Sql.Syntax;

/// <summary>A range of characters in a statement's text: 0-based <see cref="Start"/>, <see cref="Length"/> characters.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public override string ToString() => $"[{Start}..{End})";
}
