namespace Iomete.Engine.Sql.Syntax;

/// <summary>
/// A dotted name of 1–3 parts (<c>table</c>, <c>db.table</c>, <c>catalog.db.table</c>). Unquoted parts keep their case
/// as written, quoted parts are exact (escapes resolved); <see cref="Quoted"/> tells which were quoted.
/// </summary>
public sealed record QualifiedName(IReadOnlyList<string> Parts, TextSpan Span)
{
    public IReadOnlyList<bool> Quoted { get; init; } = [.. Parts.Select(_ => false)];

    /// <summary>The last part (the object's own name).</summary>
    public string Name => Parts[^1];

    /// <summary>The parts before the last one (catalog and/or database), empty for a bare name.</summary>
    public IReadOnlyList<string> Namespace => [.. Parts.Take(Parts.Count - 1)];

    public bool Equals(QualifiedName? other) =>
        other is not null && Span == other.Span && Parts.SequenceEqual(other.Parts) && Quoted.SequenceEqual(other.Quoted);

    public override int GetHashCode() => HashCode.Combine(Span, string.Join('.', Parts));

    /// <summary>The name with every part double-quoted, as DuckDB reads it back exactly.</summary>
    public override string ToString() => string.Join('.', Parts.Select(SqlText.QuoteIdentifier));
}
