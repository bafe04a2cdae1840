using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Scan;

/// <summary>
/// The row filter projected onto one partition spec: a manifest test on partition summaries and a file test on the
/// partition tuple. A spec whose source columns no longer exist in the schema is not pruned.
/// </summary>
internal sealed class SpecFilter
{
    private readonly Expression? partitionFilter;
    private readonly ManifestEvaluator? manifests;
    private readonly Dictionary<int, int> positions = [];

    public SpecFilter(PartitionSpec? spec, Schema schema, Expression boundFilter)
    {
        if (spec is null)
        {
            return;
        }
        try
        {
            var partitionType = spec.PartitionType(schema);
            partitionFilter = Projections.Inclusive(spec, schema, boundFilter);
            manifests = new ManifestEvaluator(partitionType, partitionFilter);
        }
        catch (SchemaValidationException)
        {
            return;
        }
        for (var i = 0; i < spec.Fields.Count; i++)
        {
            positions[spec.Fields[i].FieldId] = i;
        }
    }

    public bool ManifestMightMatch(ManifestFile manifest) => manifests?.MightMatch(manifest) ?? true;

    public bool PartitionMightMatch(IReadOnlyList<object?> partition) =>
        partitionFilter is null || RowEvaluator.Evaluate(partitionFilter, id =>
            positions.TryGetValue(id, out var i) && i < partition.Count ? partition[i] : null);
}
