using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Commits;

/// <summary>A commit requirement (the spec's <c>TableRequirement</c>), checked against the current metadata before updates apply.</summary>
public abstract record TableRequirement
{
    /// <summary>The spec's <c>type</c> discriminator.</summary>
    public abstract string Type { get; }

    /// <summary>Throws <see cref="CommitConflictException"/> when the requirement does not hold; <paramref name="current"/> is null for a table that does not exist.</summary>
    public void Check(TableMetadata? current)
    {
        if (this is AssertCreate)
        {
            if (current is not null)
            {
                throw new CommitConflictException("Requirement failed: assert-create: table already exists");
            }
            return;
        }
        if (current is null)
        {
            throw new CommitConflictException($"Requirement failed: {Type}: table does not exist");
        }
        var (expected, actual) = Compare(current);
        if (!Equals(expected, actual))
        {
            throw new CommitConflictException($"Requirement failed: {Type}: expected {Show(expected)}, found {Show(actual)}");
        }
    }

    private protected abstract (object? Expected, object? Actual) Compare(TableMetadata current);

    private static string Show(object? value) => value?.ToString() ?? "none";
}

public sealed record AssertCreate : TableRequirement
{
    public override string Type => "assert-create";

    private protected override (object?, object?) Compare(TableMetadata current) => (null, null);
}

public sealed record AssertTableUuid(Guid Uuid) : TableRequirement
{
    public override string Type => "assert-table-uuid";

    private protected override (object?, object?) Compare(TableMetadata current) => (Uuid, current.TableUuid);
}

/// <summary>The ref points at <paramref name="SnapshotId"/>; null means the ref must not exist.</summary>
public sealed record AssertRefSnapshotId(string Ref, long? SnapshotId) : TableRequirement
{
    public override string Type => "assert-ref-snapshot-id";

    private protected override (object?, object?) Compare(TableMetadata current) => (SnapshotId, current.Ref(Ref)?.SnapshotId);
}

public sealed record AssertLastAssignedFieldId(int LastAssignedFieldId) : TableRequirement
{
    public override string Type => "assert-last-assigned-field-id";

    private protected override (object?, object?) Compare(TableMetadata current) => (LastAssignedFieldId, current.LastColumnId);
}

public sealed record AssertCurrentSchemaId(int CurrentSchemaId) : TableRequirement
{
    public override string Type => "assert-current-schema-id";

    private protected override (object?, object?) Compare(TableMetadata current) => (CurrentSchemaId, current.CurrentSchemaId);
}

public sealed record AssertLastAssignedPartitionId(int LastAssignedPartitionId) : TableRequirement
{
    public override string Type => "assert-last-assigned-partition-id";

    private protected override (object?, object?) Compare(TableMetadata current) => (LastAssignedPartitionId, current.LastPartitionId);
}

public sealed record AssertDefaultSpecId(int DefaultSpecId) : TableRequirement
{
    public override string Type => "assert-default-spec-id";

    private protected override (object?, object?) Compare(TableMetadata current) => (DefaultSpecId, current.DefaultSpecId);
}

public sealed record AssertDefaultSortOrderId(int DefaultSortOrderId) : TableRequirement
{
    public override string Type => "assert-default-sort-order-id";

    private protected override (object?, object?) Compare(TableMetadata current) => (DefaultSortOrderId, current.DefaultSortOrderId);
}
