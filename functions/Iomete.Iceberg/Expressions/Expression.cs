namespace Iomete.Iceberg.Expressions;

/// <summary>
/// A filter expression (the REST spec's <c>Expression</c>). Unbound expressions name columns
/// (<see cref="UnboundPredicate"/>); <see cref="Binder.Bind"/> resolves them against a schema into
/// <see cref="BoundPredicate"/>s with literals in the README's value representation.
/// </summary>
public abstract record Expression
{
    private protected Expression()
    {
    }

    public static TrueExpression True { get; } = new();

    public static FalseExpression False { get; } = new();
}

/// <summary>Matches every row.</summary>
public sealed record TrueExpression : Expression
{
    public override string ToString() => "true";
}

/// <summary>Matches no row.</summary>
public sealed record FalseExpression : Expression
{
    public override string ToString() => "false";
}

public sealed record And(Expression Left, Expression Right) : Expression
{
    public override string ToString() => $"({Left} and {Right})";
}

public sealed record Or(Expression Left, Expression Right) : Expression
{
    public override string ToString() => $"({Left} or {Right})";
}

public sealed record Not(Expression Child) : Expression
{
    public override string ToString() => $"not({Child})";
}

/// <summary>
/// A predicate on a named term. Literals are as given (JSON values: bool, long, double, decimal, string; or
/// .NET values such as int, DateOnly, Guid, byte[]); unary operations carry none, set operations any number.
/// </summary>
public sealed record UnboundPredicate(Operation Op, Term Term, IReadOnlyList<object> Literals) : Expression
{
    public UnboundPredicate(Operation op, Term term)
        : this(op, term, [])
    {
    }

    public object Literal => Literals.Count == 1 ? Literals[0] : throw new InvalidOperationException($"{Op} has {Literals.Count} literals");

    public bool Equals(UnboundPredicate? other) =>
        other is not null && Op == other.Op && Term.Equals(other.Term) && Literals.SequenceEqual(other.Literals, LiteralComparer.Instance);

    public override int GetHashCode() => HashCode.Combine(Op, Term, Literals.Count);

    public override string ToString() => Operations.Format(Op, Term.ToString()!, Literals);
}

/// <summary>
/// A predicate bound to a schema column (or a transform of one); literals are converted to the term's type,
/// deduplicated and sorted for set operations.
/// </summary>
public sealed record BoundPredicate(Operation Op, BoundTerm Term, IReadOnlyList<object> Literals) : Expression
{
    public object Literal => Literals.Count == 1 ? Literals[0] : throw new InvalidOperationException($"{Op} has {Literals.Count} literals");

    public bool Equals(BoundPredicate? other) =>
        other is not null && Op == other.Op && Term.Equals(other.Term) && Literals.SequenceEqual(other.Literals, LiteralComparer.Instance);

    public override int GetHashCode() => HashCode.Combine(Op, Term, Literals.Count);

    public override string ToString() => Operations.Format(Op, Term.ToString()!, Literals);
}
