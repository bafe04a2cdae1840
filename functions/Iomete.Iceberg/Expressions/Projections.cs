using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Expressions;

/// <summary>
/// Inclusive projection of a bound row filter onto a partition spec: the result, bound to the spec's partition struct
/// (field ids are partition field ids), matches every partition that may hold a row the filter matches. Predicates a
/// transform cannot project become true; predicates on a source with several partition fields combine with and.
/// </summary>
public static class Projections
{
    public static Expression Inclusive(PartitionSpec spec, Schema schema, Expression boundFilter)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(boundFilter);
        var partitionType = spec.PartitionType(schema);
        return Project(Negation.PushDown(boundFilter), spec, partitionType);
    }

    private static Expression Project(Expression expression, PartitionSpec spec, StructType partitionType) => expression switch
    {
        And a => Filter.And(Project(a.Left, spec, partitionType), Project(a.Right, spec, partitionType)),
        Or o => Filter.Or(Project(o.Left, spec, partitionType), Project(o.Right, spec, partitionType)),
        BoundPredicate p => ProjectPredicate(p, spec, partitionType),
        TrueExpression or FalseExpression => expression,
        _ => throw new ArgumentException($"Expected a bound expression, got {expression}", nameof(expression)),
    };

    private static Expression ProjectPredicate(BoundPredicate p, PartitionSpec spec, StructType partitionType)
    {
        Expression result = Expression.True;
        for (var i = 0; i < spec.Fields.Count; i++)
        {
            var field = spec.Fields[i];
            if (field.SourceId == p.Term.FieldId && partitionType.Fields[i].Type is PrimitiveType)
            {
                var projected = ProjectOne(p, field.Transform, new BoundReference(partitionType.Fields[i]));
                if (projected is not null)
                {
                    result = Filter.And(result, projected);
                }
            }
        }
        return result;
    }

    private static Expression? ProjectOne(BoundPredicate p, Transform transform, BoundReference partition)
    {
        if (p.Term is BoundTransform bt)
        {
            return bt.Transform == transform ? p with { Term = partition } : null;
        }
        var source = p.Term.Type;
        switch (transform)
        {
            case VoidTransform:
                return null;
            case IdentityTransform:
                return p with { Term = partition };
        }
        if (p.Op is Operation.IsNull or Operation.NotNull)
        {
            return p with { Term = partition };
        }
        object Apply(object v) => transform.Apply(source, v)!;
        return transform switch
        {
            BucketTransform => p.Op is Operation.Eq or Operation.In ? Set(p.Op, partition, p.Literals.Select(Apply)) : null,
            TruncateTransform t when source.Id is TypeId.String => TruncateString(p, t, partition, Apply),
            TruncateTransform or TimeTransform => Ordered(p, source, partition, Apply),
            _ => null,
        };
    }

    /// <summary>Order-preserving transforms of integral-like values: a strict bound moves by one unit before transforming.</summary>
    private static Expression? Ordered(BoundPredicate p, PrimitiveType source, BoundReference partition, Func<object, object> apply)
    {
        return p.Op switch
        {
            Operation.Lt => new BoundPredicate(Operation.LtEq, partition, [apply(Step(source, p.Literal, -1) ?? p.Literal)]),
            Operation.LtEq => new BoundPredicate(Operation.LtEq, partition, [apply(p.Literal)]),
            Operation.Gt => new BoundPredicate(Operation.GtEq, partition, [apply(Step(source, p.Literal, +1) ?? p.Literal)]),
            Operation.GtEq => new BoundPredicate(Operation.GtEq, partition, [apply(p.Literal)]),
            Operation.Eq or Operation.In => Set(p.Op, partition, p.Literals.Select(apply)),
            _ => null,
        };
    }

    private static Expression? TruncateString(BoundPredicate p, TruncateTransform t, BoundReference partition, Func<object, object> apply)
    {
        switch (p.Op)
        {
            case Operation.Lt or Operation.LtEq:
                return new BoundPredicate(Operation.LtEq, partition, [apply(p.Literal)]);
            case Operation.Gt or Operation.GtEq:
                return new BoundPredicate(Operation.GtEq, partition, [apply(p.Literal)]);
            case Operation.Eq or Operation.In:
                return Set(p.Op, partition, p.Literals.Select(apply));
            case Operation.StartsWith:
                var prefix = (string)p.Literal;
                return prefix.EnumerateRunes().Count() <= t.Width
                    ? p with { Term = partition }
                    : new BoundPredicate(Operation.Eq, partition, [apply(prefix)]);
            case Operation.NotStartsWith:
                return ((string)p.Literal).EnumerateRunes().Count() <= t.Width ? p with { Term = partition } : null;
            default:
                return null;
        }
    }

    /// <summary>The next or previous representable value, or null at the edge of the range (then the bound is kept).</summary>
    private static object? Step(PrimitiveType type, object value, int delta)
    {
        try
        {
            return value switch
            {
                int i => checked(i + delta),
                long l => checked(l + delta),
                decimal m when type is DecimalType d => checked(m + (delta / (decimal)Math.Pow(10, d.Scale))),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static BoundPredicate Set(Operation op, BoundReference partition, IEnumerable<object> values)
    {
        var distinct = values.Distinct(LiteralComparer.Instance).ToList();
        distinct.Sort((a, b) => ValueComparer.Compare(partition.Type, a, b));
        return distinct.Count == 1
            ? new BoundPredicate(Operation.Eq, partition, distinct)
            : new BoundPredicate(Operation.In, partition, distinct);
    }
}
