using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Expressions;

/// <summary>
/// Binds unbound expressions to a schema: column names resolve by full dotted name (case-sensitive or not),
/// literals convert to the column's (or transform result's) type, and predicates that cannot match or always match
/// fold to false/true (null tests on required columns, integer literals outside the type's range, empty sets).
/// A name that does not resolve, a column inside a list or map, a non-primitive column or a literal that does not
/// fit the type is an <see cref="IcebergFormatException"/> (a bad request).
/// </summary>
public static class Binder
{
    public static Expression Bind(Schema schema, Expression expression, bool caseSensitive = true)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(expression);
        return expression switch
        {
            TrueExpression or FalseExpression => expression,
            And a => Filter.And(Bind(schema, a.Left, caseSensitive), Bind(schema, a.Right, caseSensitive)),
            Or o => Filter.Or(Bind(schema, o.Left, caseSensitive), Bind(schema, o.Right, caseSensitive)),
            Not n => Filter.Not(Bind(schema, n.Child, caseSensitive)),
            UnboundPredicate p => BindPredicate(schema, p, caseSensitive),
            BoundPredicate => throw new ArgumentException("The expression is already bound", nameof(expression)),
            _ => throw new ArgumentException($"Unknown expression {expression.GetType().Name}", nameof(expression)),
        };
    }

    /// <summary>True when every predicate in the expression is bound (constants count as bound).</summary>
    public static bool IsBound(Expression expression) => expression switch
    {
        And a => IsBound(a.Left) && IsBound(a.Right),
        Or o => IsBound(o.Left) && IsBound(o.Right),
        Not n => IsBound(n.Child),
        UnboundPredicate => false,
        _ => true,
    };

    private static Expression BindPredicate(Schema schema, UnboundPredicate p, bool caseSensitive)
    {
        var term = BindTerm(schema, p.Term, caseSensitive);
        var type = term.Type;
        if (p.Op.IsUnary())
        {
            return BindUnary(schema, p.Op, term);
        }
        if (p.Op is Operation.StartsWith or Operation.NotStartsWith && type.Id != TypeId.String)
        {
            throw Fail($"{p.Op.Name()} needs a string term, '{p.Term}' is {type}");
        }
        if (p.Op.IsSet())
        {
            return BindSet(p, term);
        }
        if (p.Literals.Count != 1)
        {
            throw Fail($"{p.Op.Name()} needs exactly one value, got {p.Literals.Count}");
        }
        var value = Convert(p.Literals[0], type, p.Term, out var range);
        return range switch
        {
            LiteralRange.AboveMax => p.Op is Operation.Lt or Operation.LtEq or Operation.NotEq ? Expression.True : Expression.False,
            LiteralRange.BelowMin => p.Op is Operation.Gt or Operation.GtEq or Operation.NotEq ? Expression.True : Expression.False,
            _ => new BoundPredicate(p.Op, term, [value]),
        };
    }

    private static Expression BindUnary(Schema schema, Operation op, BoundTerm term)
    {
        if (op is Operation.IsNan or Operation.NotNan && term.Type.Id is not (TypeId.Float or TypeId.Double))
        {
            throw Fail($"{op.Name()} needs a float or double term, '{term}' is {term.Type}");
        }
        if (term is BoundReference && AlwaysPresent(schema, term.FieldId))
        {
            if (op == Operation.IsNull)
            {
                return Expression.False;
            }
            if (op == Operation.NotNull)
            {
                return Expression.True;
            }
        }
        return new BoundPredicate(op, term, []);
    }

    private static Expression BindSet(UnboundPredicate p, BoundTerm term)
    {
        var values = new List<object>();
        foreach (var literal in p.Literals)
        {
            var value = Convert(literal, term.Type, p.Term, out var range);
            if (range == LiteralRange.InRange && !values.Contains(value, LiteralComparer.Instance))
            {
                values.Add(value);
            }
        }
        values.Sort((a, b) => ValueComparer.Compare(term.Type, a, b));
        return (p.Op, values.Count) switch
        {
            (Operation.In, 0) => Expression.False,
            (Operation.NotIn, 0) => Expression.True,
            (Operation.In, 1) => new BoundPredicate(Operation.Eq, term, values),
            (Operation.NotIn, 1) => new BoundPredicate(Operation.NotEq, term, values),
            _ => new BoundPredicate(p.Op, term, values),
        };
    }

    private static BoundTerm BindTerm(Schema schema, Term term, bool caseSensitive)
    {
        var field = schema.FindField(term.Name, caseSensitive) ?? throw Fail($"cannot find column '{term.Name}'");
        for (var parent = schema.ParentId(field.Id); parent is { } id; parent = schema.ParentId(id))
        {
            if (schema.FindField(id)!.Type is ListType or MapType)
            {
                throw Fail($"cannot filter on '{term.Name}': it is inside a list or map");
            }
        }
        if (field.Type is not PrimitiveType)
        {
            throw Fail($"cannot filter on '{term.Name}': {field.Type} is not a primitive type");
        }
        var reference = new BoundReference(field);
        if (term is TransformTerm t)
        {
            if (!t.Transform.CanTransform(field.Type))
            {
                throw Fail($"transform {t.Transform} cannot apply to '{term.Name}' of type {field.Type}");
            }
            return new BoundTransform(t.Transform, reference);
        }
        return reference;
    }

    private static object Convert(object literal, PrimitiveType type, Term term, out LiteralRange range)
    {
        if (literal is double d && double.IsNaN(d) || literal is float f && float.IsNaN(f))
        {
            throw Fail($"NaN cannot be compared; use is-nan on '{term}'");
        }
        return LiteralConverter.Convert(literal, type, out range)
            ?? throw Fail($"value {Show(literal)} is not a valid {type} for '{term}'");
    }

    private static bool AlwaysPresent(Schema schema, int fieldId)
    {
        for (int? id = fieldId; id is { } current; id = schema.ParentId(current))
        {
            if (!schema.FindField(current)!.Required)
            {
                return false;
            }
        }
        return true;
    }

    private static string Show(object literal) => literal is string s ? $"\"{s}\"" : System.Convert.ToString(literal, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static IcebergFormatException Fail(string problem) => IcebergFormatException.At("$.filter", problem);
}
