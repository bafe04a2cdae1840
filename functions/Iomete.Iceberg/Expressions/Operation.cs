using System.Globalization;

namespace Iomete.Iceberg.Expressions;

/// <summary>The predicate operations of the REST spec's <c>ExpressionType</c>.</summary>
public enum Operation
{
    IsNull,
    NotNull,
    IsNan,
    NotNan,
    Lt,
    LtEq,
    Gt,
    GtEq,
    Eq,
    NotEq,
    In,
    NotIn,
    StartsWith,
    NotStartsWith,
}

/// <summary>Names, arity and negation of <see cref="Operation"/>s.</summary>
public static class Operations
{
    private static readonly Dictionary<Operation, string> Names = new()
    {
        [Operation.IsNull] = "is-null",
        [Operation.NotNull] = "not-null",
        [Operation.IsNan] = "is-nan",
        [Operation.NotNan] = "not-nan",
        [Operation.Lt] = "lt",
        [Operation.LtEq] = "lt-eq",
        [Operation.Gt] = "gt",
        [Operation.GtEq] = "gt-eq",
        [Operation.Eq] = "eq",
        [Operation.NotEq] = "not-eq",
        [Operation.In] = "in",
        [Operation.NotIn] = "not-in",
        [Operation.StartsWith] = "starts-with",
        [Operation.NotStartsWith] = "not-starts-with",
    };

    private static readonly Dictionary<string, Operation> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The spec's JSON name (<c>lt-eq</c>).</summary>
    public static string Name(this Operation op) => Names[op];

    public static bool TryParse(string name, out Operation op) => ByName.TryGetValue(name, out op);

    public static bool IsUnary(this Operation op) => op is Operation.IsNull or Operation.NotNull or Operation.IsNan or Operation.NotNan;

    public static bool IsSet(this Operation op) => op is Operation.In or Operation.NotIn;

    public static bool IsLiteral(this Operation op) => !op.IsUnary() && !op.IsSet();

    /// <summary>The operation matching exactly the rows this one does not (for non-null values).</summary>
    public static Operation Negate(this Operation op) => op switch
    {
        Operation.IsNull => Operation.NotNull,
        Operation.NotNull => Operation.IsNull,
        Operation.IsNan => Operation.NotNan,
        Operation.NotNan => Operation.IsNan,
        Operation.Lt => Operation.GtEq,
        Operation.LtEq => Operation.Gt,
        Operation.Gt => Operation.LtEq,
        Operation.GtEq => Operation.Lt,
        Operation.Eq => Operation.NotEq,
        Operation.NotEq => Operation.Eq,
        Operation.In => Operation.NotIn,
        Operation.NotIn => Operation.In,
        Operation.StartsWith => Operation.NotStartsWith,
        _ => Operation.StartsWith,
    };

    internal static string Format(Operation op, string term, IReadOnlyList<object> literals) => op.IsUnary()
        ? $"{op.Name()}({term})"
        : $"{term} {op.Name()} {(op.IsSet() ? "(" + string.Join(", ", literals.Select(Show)) + ")" : Show(literals[0]))}";

    private static string Show(object value) => value switch
    {
        string s => "\"" + s + "\"",
        byte[] b => "X'" + Convert.ToHexString(b) + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
