namespace Iomete.Iceberg.Metadata;

/// <summary>
/// Generates snapshot ids in [1, 2^53): the spec allows any long, but JavaScript clients read JSON numbers
/// as doubles and keep integers exact only up to 2^53.
/// </summary>
public sealed class SnapshotIdGenerator(Random random)
{
    /// <summary>The exclusive upper bound of generated ids (2^53).</summary>
    public const long UpperBound = 1L << 53;

    public SnapshotIdGenerator()
        : this(Random.Shared)
    {
    }

    public long Next() => random.NextInt64(1, UpperBound);

    /// <summary>A new id that is not one of the table's existing snapshot ids.</summary>
    public long Next(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        while (true)
        {
            var id = Next();
            if (metadata.SnapshotById(id) is null)
            {
                return id;
            }
        }
    }
}
