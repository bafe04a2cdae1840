using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Expressions;

/// <summary>
/// Decides from a manifest's partition field summaries whether any of its files may match a partition filter
/// (an inclusive projection, <see cref="Projections.Inclusive"/>). Missing summaries or bounds mean "may match".
/// </summary>
public sealed class ManifestEvaluator
{
    private const int InLimit = 200;
    private readonly Expression filter;
    private readonly Dictionary<int, (int Position, PrimitiveType Type)> fields;

    public ManifestEvaluator(StructType partitionType, Expression partitionFilter)
    {
        ArgumentNullException.ThrowIfNull(partitionType);
        ArgumentNullException.ThrowIfNull(partitionFilter);
        filter = Negation.PushDown(partitionFilter);
        fields = [];
        for (var i = 0; i < partitionType.Fields.Count; i++)
        {
            if (partitionType.Fields[i].Type is PrimitiveType p)
            {
                fields[partitionType.Fields[i].Id] = (i, p);
            }
        }
    }

    public bool MightMatch(ManifestFile manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Eval(filter, manifest.Partitions);
    }

    private bool Eval(Expression e, IReadOnlyList<PartitionFieldSummary>? summaries) => e switch
    {
        TrueExpression => true,
        FalseExpression => false,
        And a => Eval(a.Left, summaries) && Eval(a.Right, summaries),
        Or o => Eval(o.Left, summaries) || Eval(o.Right, summaries),
        BoundPredicate p => summaries is null || p.Term is not BoundReference || !fields.TryGetValue(p.Term.FieldId, out var f)
            || f.Position >= summaries.Count || Predicate(p, summaries[f.Position], f.Type),
        _ => true,
    };

    private static bool Predicate(BoundPredicate p, PartitionFieldSummary s, PrimitiveType type)
    {
        var lower = Decode(type, s.LowerBound);
        var upper = Decode(type, s.UpperBound);
        var floating = type.Id is TypeId.Float or TypeId.Double;
        // With no lower bound every value is null (or, for floats, NaN when containsNaN allows it).
        var allNull = s.ContainsNull && s.LowerBound is null && (!floating || s.ContainsNan == false);
        int Cmp(object a, object b) => ValueComparer.Compare(type, a, b);
        switch (p.Op)
        {
            case Operation.IsNull:
                return s.ContainsNull;
            case Operation.NotNull:
                return !allNull;
            case Operation.IsNan:
                return s.ContainsNan != false && !allNull;
            case Operation.NotNan:
                return !(s.ContainsNan == true && !s.ContainsNull && s.LowerBound is null);
            case Operation.Lt:
                return s.LowerBound is not null && (lower is null || Cmp(lower, p.Literal) < 0);
            case Operation.LtEq:
                return s.LowerBound is not null && (lower is null || Cmp(lower, p.Literal) <= 0);
            case Operation.Gt:
                return s.UpperBound is not null && (upper is null || Cmp(upper, p.Literal) > 0);
            case Operation.GtEq:
                return s.UpperBound is not null && (upper is null || Cmp(upper, p.Literal) >= 0);
            case Operation.Eq:
                return s.LowerBound is not null
                    && (lower is null || Cmp(lower, p.Literal) <= 0) && (upper is null || Cmp(upper, p.Literal) >= 0);
            case Operation.In:
                return s.LowerBound is not null && (p.Literals.Count > InLimit
                    || p.Literals.Any(l => (lower is null || Cmp(lower, l) <= 0) && (upper is null || Cmp(upper, l) >= 0)));
            case Operation.StartsWith:
                return s.LowerBound is not null && Prefixes.MightStartWith(s.LowerBound, s.UpperBound, (string)p.Literal);
            case Operation.NotStartsWith:
                return s.ContainsNull || !Prefixes.AllStartWith(s.LowerBound, s.UpperBound, (string)p.Literal);
            default:
                return true;
        }
    }

    private static object? Decode(PrimitiveType type, byte[]? bytes) => MetricsEvaluator.Decode(type, bytes);
}
