using Iomete.Iceberg.Commits;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>One table's part of a commit: the spec's CommitTableRequest after parsing.</summary>
public sealed record TableChange(TableIdent Table, IReadOnlyList<TableRequirement> Requirements, IReadOnlyList<TableUpdate> Updates)
{
    public bool IsCreate => Requirements.Any(r => r is AssertCreate);
}
