namespace Iomete.Iceberg.Expressions;

/// <summary>Pushes <see cref="Not"/> down to the predicates (De Morgan, negated operations) so evaluators see only and/or.</summary>
public static class Negation
{
    public static Expression PushDown(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression switch
        {
            And a => Filter.And(PushDown(a.Left), PushDown(a.Right)),
            Or o => Filter.Or(PushDown(o.Left), PushDown(o.Right)),
            Not n => Negate(n.Child),
            _ => expression,
        };
    }

    private static Expression Negate(Expression expression) => expression switch
    {
        TrueExpression => Expression.False,
        FalseExpression => Expression.True,
        And a => Filter.Or(Negate(a.Left), Negate(a.Right)),
        Or o => Filter.And(Negate(o.Left), Negate(o.Right)),
        Not n => PushDown(n.Child),
        UnboundPredicate p => p with { Op = p.Op.Negate() },
        BoundPredicate p => p with { Op = p.Op.Negate() },
        _ => throw new ArgumentException($"Unknown expression {expression.GetType().Name}", nameof(expression)),
    };
}
