using System.Globalization;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Reads;

/// <summary>
/// A bound Iceberg filter as a DuckDB condition with SQL semantics (a NULL value matches no comparison, in, not-in or
/// starts-with; not-nan matches NULL as Iceberg's evaluator does). Literals use the Iomete.Iceberg value representation.
/// </summary>
internal static class FilterSql
{
    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    public static string Of(Schema schema, Expression expression) => expression switch
    {
        TrueExpression => "true",
        FalseExpression => "false",
        And a => $"({Of(schema, a.Left)} AND {Of(schema, a.Right)})",
        Or o => $"({Of(schema, o.Left)} OR {Of(schema, o.Right)})",
        Not n => $"(NOT {Of(schema, n.Child)})",
        BoundPredicate p => Predicate(schema, p),
        _ => throw new NotSupportedException($"Filter {expression} is not bound"),
    };

    private static string Predicate(Schema schema, BoundPredicate p)
    {
        if (p.Term is not BoundReference reference)
        {
            throw new NotSupportedException($"Filter {p} uses a transform term; only column references are translated to SQL");
        }
        var column = "r." + ColumnPath(schema, reference.FieldId);
        var type = reference.Type;
        string Lit(object value) => Literal(type, value);
        return p.Op switch
        {
            Operation.IsNull => $"({column} IS NULL)",
            Operation.NotNull => $"({column} IS NOT NULL)",
            Operation.IsNan => $"coalesce(isnan({column}), false)",
            Operation.NotNan => $"({column} IS NULL OR NOT isnan({column}))",
            Operation.Lt => $"({column} < {Lit(p.Literal)})",
            Operation.LtEq => $"({column} <= {Lit(p.Literal)})",
            Operation.Gt => $"({column} > {Lit(p.Literal)})",
            Operation.GtEq => $"({column} >= {Lit(p.Literal)})",
            Operation.Eq => $"({column} = {Lit(p.Literal)})",
            Operation.NotEq => $"({column} <> {Lit(p.Literal)})",
            Operation.In => $"({column} IN ({string.Join(", ", p.Literals.Select(Lit))}))",
            Operation.NotIn => $"({column} NOT IN ({string.Join(", ", p.Literals.Select(Lit))}))",
            Operation.StartsWith => $"starts_with({column}, {Lit(p.Literal)})",
            Operation.NotStartsWith => $"(NOT starts_with({column}, {Lit(p.Literal)}))",
            _ => throw new NotSupportedException($"Filter operation {p.Op} is not translated to SQL"),
        };
    }

    /// <summary>The quoted path of a (possibly nested struct) field: <c>"st"."x"</c>.</summary>
    private static string ColumnPath(Schema schema, int fieldId)
    {
        var names = new List<string>();
        for (int? id = fieldId; id is { } current; id = schema.ParentId(current))
        {
            names.Add(DuckDbSchema.Quote(schema.FindField(current)!.Name));
        }
        names.Reverse();
        return string.Join('.', names);
    }

    private static string Literal(PrimitiveType type, object value)
    {
        if (type.Id is TypeId.Date or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz)
        {
            return Temporal(type.Id, Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }
        return type switch
        {
            DecimalType d => string.Create(CultureInfo.InvariantCulture, $"CAST('{(decimal)value}' AS DECIMAL({d.Precision},{d.Scale}))"),
            FixedType => Blob((byte[])value),
            _ => type.Id switch
            {
                TypeId.Boolean => (bool)value ? "true" : "false",
                TypeId.Int or TypeId.Long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
                TypeId.Float => string.Create(CultureInfo.InvariantCulture, $"CAST('{(float)value:R}' AS FLOAT)"),
                TypeId.Double => string.Create(CultureInfo.InvariantCulture, $"CAST('{(double)value:R}' AS DOUBLE)"),
                TypeId.String => DuckDbSchema.Literal((string)value),
                TypeId.Uuid => $"UUID '{(Guid)value:D}'",
                TypeId.Binary => Blob((byte[])value),
                _ => throw new NotSupportedException($"A {type} literal is not translated to SQL"),
            },
        };
    }

    private static string Temporal(TypeId type, long value) => type switch
    {
        TypeId.Date => $"DATE '{DateOnly.FromDateTime(Epoch.AddDays(value)):yyyy-MM-dd}'",
        TypeId.Time => string.Create(CultureInfo.InvariantCulture, $"TIME '{new TimeOnly(value * 10):HH:mm:ss.ffffff}'"),
        TypeId.Timestamp => string.Create(CultureInfo.InvariantCulture, $"TIMESTAMP '{Epoch.AddTicks(value * 10):yyyy-MM-dd HH:mm:ss.ffffff}'"),
        _ => string.Create(CultureInfo.InvariantCulture, $"TIMESTAMPTZ '{Epoch.AddTicks(value * 10):yyyy-MM-dd HH:mm:ss.ffffff}+00'"),
    };

    private static string Blob(byte[] bytes) => $"from_hex('{Convert.ToHexString(bytes)}')";
}
