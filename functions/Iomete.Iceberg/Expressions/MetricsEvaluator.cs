using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Expressions;

/// <summary>
/// Inclusive metrics evaluation: decides from a data file's column metrics (value, null and NaN counts, lower and
/// upper bounds) whether it may hold a row matching a bound row filter. It only answers "cannot match" when the
/// metrics prove it; missing or undecodable metrics, NaN bounds and transform terms mean "may match". String and
/// binary bounds may be truncated (a lower bound is a prefix of the minimum, an upper bound lies above the maximum).
/// </summary>
public sealed class MetricsEvaluator
{
    private const int InLimit = 200;
    private readonly Expression filter;

    public MetricsEvaluator(Expression boundRowFilter)
    {
        ArgumentNullException.ThrowIfNull(boundRowFilter);
        filter = Negation.PushDown(boundRowFilter);
    }

    public bool MightMatch(DataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.RecordCount == 0)
        {
            return false;
        }
        return file.RecordCount < 0 || Eval(filter, file);
    }

    /// <summary>A single-value serialized bound in the README representation, or null when absent, undecodable or NaN.</summary>
    internal static object? Decode(PrimitiveType type, byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }
        try
        {
            var value = RowEvaluator.Widen(type, SingleValue.Deserialize(type, bytes));
            return value is double d && double.IsNaN(d) || value is float f && float.IsNaN(f) ? null : value;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool Eval(Expression e, DataFile file) => e switch
    {
        TrueExpression => true,
        FalseExpression => false,
        And a => Eval(a.Left, file) && Eval(a.Right, file),
        Or o => Eval(o.Left, file) || Eval(o.Right, file),
        BoundPredicate { Term: BoundReference } p => Predicate(p, file),
        _ => true,
    };

    private static bool Predicate(BoundPredicate p, DataFile file)
    {
        var id = p.Term.FieldId;
        var type = p.Term.Type;
        long? values = Count(file.ValueCounts, id);
        long? nulls = Count(file.NullValueCounts, id);
        long? nans = Count(file.NanValueCounts, id);
        var nullsOnly = values is not null && nulls is not null && values == nulls;
        var nansOnly = values is not null && nans is not null && values == nans;
        var lowerBytes = file.LowerBounds is not null && file.LowerBounds.TryGetValue(id, out var lb) ? lb : null;
        var upperBytes = file.UpperBounds is not null && file.UpperBounds.TryGetValue(id, out var ub) ? ub : null;
        var lower = Decode(type, lowerBytes);
        var upper = Decode(type, upperBytes);
        int Cmp(object a, object b) => ValueComparer.Compare(type, a, b);
        bool InRange(object literal) => (lower is null || Cmp(lower, literal) <= 0) && (upper is null || Cmp(upper, literal) >= 0);
        switch (p.Op)
        {
            case Operation.IsNull:
                return nulls != 0;
            case Operation.NotNull:
                return !nullsOnly;
            case Operation.IsNan:
                return nans != 0 && !nullsOnly;
            case Operation.NotNan:
                return !nansOnly;
            case Operation.NotEq or Operation.NotIn:
                return true;
            case Operation.NotStartsWith:
                // Nulls match not-starts-with.
                return nulls != 0 || !Prefixes.AllStartWith(lowerBytes, upperBytes, (string)p.Literal);
        }
        if (nullsOnly || nansOnly)
        {
            return false;
        }
        switch (p.Op)
        {
            case Operation.Lt:
                return lower is null || Cmp(lower, p.Literal) < 0;
            case Operation.LtEq:
                return lower is null || Cmp(lower, p.Literal) <= 0;
            case Operation.Gt:
                return upper is null || Cmp(upper, p.Literal) > 0;
            case Operation.GtEq:
                return upper is null || Cmp(upper, p.Literal) >= 0;
            case Operation.Eq:
                return InRange(p.Literal);
            case Operation.In:
                return p.Literals.Count > InLimit || p.Literals.Any(InRange);
            case Operation.StartsWith:
                return lowerBytes is null
                    ? upperBytes is null || Prefixes.MightStartWith([], upperBytes, (string)p.Literal)
                    : Prefixes.MightStartWith(lowerBytes, upperBytes, (string)p.Literal);
            default:
                return true;
        }
    }

    private static long? Count(IReadOnlyDictionary<int, long>? counts, int id) =>
        counts is not null && counts.TryGetValue(id, out var c) ? c : null;
}
