namespace Iomete.Iceberg.Expressions;

/// <summary>Factories for unbound expressions; <see cref="And"/>, <see cref="Or"/> and <see cref="Not"/> simplify constants.</summary>
public static class Filter
{
    public static Expression And(Expression left, Expression right) => (left, right) switch
    {
        (FalseExpression, _) or (_, FalseExpression) => Expression.False,
        (TrueExpression, _) => right,
        (_, TrueExpression) => left,
        _ => new And(left, right),
    };

    public static Expression Or(Expression left, Expression right) => (left, right) switch
    {
        (TrueExpression, _) or (_, TrueExpression) => Expression.True,
        (FalseExpression, _) => right,
        (_, FalseExpression) => left,
        _ => new Or(left, right),
    };

    public static Expression Not(Expression child) => child switch
    {
        TrueExpression => Expression.False,
        FalseExpression => Expression.True,
        Not n => n.Child,
        _ => new Not(child),
    };

    public static UnboundPredicate IsNull(string column) => new(Operation.IsNull, new Reference(column));

    public static UnboundPredicate NotNull(string column) => new(Operation.NotNull, new Reference(column));

    public static UnboundPredicate IsNan(string column) => new(Operation.IsNan, new Reference(column));

    public static UnboundPredicate NotNan(string column) => new(Operation.NotNan, new Reference(column));

    public static UnboundPredicate Lt(string column, object value) => Literal(Operation.Lt, column, value);

    public static UnboundPredicate LtEq(string column, object value) => Literal(Operation.LtEq, column, value);

    public static UnboundPredicate Gt(string column, object value) => Literal(Operation.Gt, column, value);

    public static UnboundPredicate GtEq(string column, object value) => Literal(Operation.GtEq, column, value);

    public static UnboundPredicate Eq(string column, object value) => Literal(Operation.Eq, column, value);

    public static UnboundPredicate NotEq(string column, object value) => Literal(Operation.NotEq, column, value);

    public static UnboundPredicate StartsWith(string column, string prefix) => Literal(Operation.StartsWith, column, prefix);

    public static UnboundPredicate NotStartsWith(string column, string prefix) => Literal(Operation.NotStartsWith, column, prefix);

    public static UnboundPredicate In(string column, params object[] values) => new(Operation.In, new Reference(column), [.. values]);

    public static UnboundPredicate NotIn(string column, params object[] values) => new(Operation.NotIn, new Reference(column), [.. values]);

    private static UnboundPredicate Literal(Operation op, string column, object value) =>
        new(op, new Reference(column), [value ?? throw new ArgumentNullException(nameof(value), "Use IsNull/NotNull for null")]);
}
