using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Metadata;

namespace Iomete.Engine.Catalogs;

/// <summary>
/// What turns a staged table (<see cref="ILakehouseCatalog.CreateTableAsync"/> with stage) into a real one: commit
/// <see cref="Requirements"/> with <see cref="CreateUpdates"/> followed by the data's own updates (e.g. an
/// <c>AppendFiles</c> snapshot's <c>add-snapshot</c> and <c>set-snapshot-ref</c>, without its ref requirement).
/// </summary>
public static class StagedTable
{
    /// <summary>The only requirement of a create transaction: the name must still be free.</summary>
    public static IReadOnlyList<TableRequirement> Requirements { get; } = [new AssertCreate()];

    /// <summary>The updates that rebuild the staged metadata from nothing (Java's create transaction sends the same).</summary>
    public static IReadOnlyList<TableUpdate> CreateUpdates(TableMetadata staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var updates = new List<TableUpdate>
        {
            new AssignUuid(staged.TableUuid ?? Guid.NewGuid()),
            new UpgradeFormatVersion(staged.FormatVersion),
            new AddSchema(staged.CurrentSchema),
            new SetCurrentSchema(TableUpdate.LastAdded),
            new AddPartitionSpec(staged.DefaultSpec),
            new SetDefaultSpec(TableUpdate.LastAdded),
            new AddSortOrder(staged.DefaultSortOrder),
            new SetDefaultSortOrder(TableUpdate.LastAdded),
            new SetLocation(staged.Location),
        };
        if (staged.Properties.Count > 0)
        {
            updates.Add(new SetProperties(staged.Properties));
        }
        return updates;
    }
}
