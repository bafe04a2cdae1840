using Iomete.Iceberg.Manifests;

namespace Iomete.Iceberg.Expressions;

/// <summary>
/// Evaluates a bound expression against one row of values (a partition tuple), looked up by field id.
/// Nulls match only is-null, not-eq, not-in, not-nan and not-starts-with; NaN matches no ordering comparison (as bounds
/// leave NaN out, so partition and metrics pruning agree), only is-nan, not-eq and not-in.
/// </summary>
public static class RowEvaluator
{
    public static bool Evaluate(Expression bound, Func<int, object?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(valueOf);
        return bound switch
        {
            TrueExpression => true,
            FalseExpression => false,
            And a => Evaluate(a.Left, valueOf) && Evaluate(a.Right, valueOf),
            Or o => Evaluate(o.Left, valueOf) || Evaluate(o.Right, valueOf),
            Not n => !Evaluate(n.Child, valueOf),
            BoundPredicate p => Test(p, valueOf(p.Term.FieldId)),
            _ => throw new ArgumentException($"Expected a bound expression, got {bound}", nameof(bound)),
        };
    }

    private static bool Test(BoundPredicate p, object? raw)
    {
        var value = p.Term is BoundTransform t ? t.Transform.Apply(t.Ref.Type, Widen(t.Ref.Type, raw)) : Widen(p.Term.Type, raw);
        var nan = value is double d && double.IsNaN(d) || value is float f && float.IsNaN(f);
        return p.Op switch
        {
            Operation.IsNull => value is null,
            Operation.NotNull => value is not null,
            Operation.IsNan => nan,
            Operation.NotNan => !nan,
            Operation.Lt => value is not null && !nan && (Compare(p, value, p.Literal) < 0),
            Operation.LtEq => value is not null && !nan && (Compare(p, value, p.Literal) <= 0),
            Operation.Gt => value is not null && !nan && (Compare(p, value, p.Literal) > 0),
            Operation.GtEq => value is not null && !nan && (Compare(p, value, p.Literal) >= 0),
            Operation.Eq => value is not null && Compare(p, value, p.Literal) == 0,
            Operation.NotEq => value is null || Compare(p, value, p.Literal) != 0,
            Operation.In => value is not null && p.Literals.Any(l => Compare(p, value, l) == 0),
            Operation.NotIn => value is null || p.Literals.All(l => Compare(p, value, l) != 0),
            Operation.StartsWith => value is string s && s.StartsWith((string)p.Literal, StringComparison.Ordinal),
            Operation.NotStartsWith => value is not string s2 || !s2.StartsWith((string)p.Literal, StringComparison.Ordinal),
            _ => true,
        };
    }

    /// <summary>Values written before a type promotion (int to long, float to double) compare as the promoted type.</summary>
    internal static object? Widen(Types.PrimitiveType type, object? value) => (type.Id, value) switch
    {
        (Types.TypeId.Long, int i) => (long)i,
        (Types.TypeId.Double, float f) => (double)f,
        _ => value,
    };

    private static int Compare(BoundPredicate p, object value, object literal) => ValueComparer.Compare(p.Term.Type, value, literal);
}
