using System.Globalization;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Partitioning;

/// <summary>
/// Builds a partition spec against a schema by column name, with the conventional default field names
/// (<c>col</c>, <c>col_bucket</c>, <c>col_trunc</c>, <c>col_year</c>, <c>col_month</c>, <c>col_day</c>,
/// <c>col_hour</c>, <c>col_null</c>) and field ids counting up from <c>last-partition-id</c>; validated on <see cref="Build"/>.
/// </summary>
public sealed class PartitionSpecBuilder(Schema schema, int specId = 0, int lastPartitionId = PartitionSpec.FirstFieldId - 1)
{
    private readonly List<PartitionField> fields = [];
    private int lastId = lastPartitionId;

    public int LastPartitionId => lastId;

    public PartitionSpecBuilder Identity(string column, string? name = null) => Add(column, Transform.Identity, name, null);

    public PartitionSpecBuilder Bucket(string column, int numBuckets, string? name = null) => Add(column, Transform.Bucket(numBuckets), name, "bucket");

    public PartitionSpecBuilder Truncate(string column, int width, string? name = null) => Add(column, Transform.Truncate(width), name, "trunc");

    public PartitionSpecBuilder Year(string column, string? name = null) => Add(column, Transform.Year, name, "year");

    public PartitionSpecBuilder Month(string column, string? name = null) => Add(column, Transform.Month, name, "month");

    public PartitionSpecBuilder Day(string column, string? name = null) => Add(column, Transform.Day, name, "day");

    public PartitionSpecBuilder Hour(string column, string? name = null) => Add(column, Transform.Hour, name, "hour");

    public PartitionSpecBuilder Void(string column, string? name = null) => Add(column, Transform.Void, name, "null");

    /// <summary>Adds a field with an explicit transform; the name defaults to <c>column_transform</c>.</summary>
    public PartitionSpecBuilder Add(string column, Transform transform, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(transform);
        var suffix = transform switch
        {
            IdentityTransform => null,
            BucketTransform => "bucket",
            TruncateTransform => "trunc",
            VoidTransform => "null",
            _ => transform.ToString(),
        };
        return Add(column, transform, name, suffix);
    }

    public PartitionSpec Build()
    {
        var spec = new PartitionSpec(specId, fields);
        spec.Validate(schema);
        return spec;
    }

    private PartitionSpecBuilder Add(string column, Transform transform, string? name, string? suffix)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var source = schema.FindField(column) ?? throw new SchemaValidationException($"Cannot partition by missing column '{column}'");
        if (fields.Any(f => f.SourceId == source.Id && f.Transform.Equals(transform)))
        {
            throw new SchemaValidationException($"Cannot add redundant partition field {transform}({column})");
        }
        var fieldName = name ?? (suffix is null ? column : string.Create(CultureInfo.InvariantCulture, $"{column}_{suffix}"));
        fields.Add(new PartitionField(source.Id, ++lastId, fieldName, transform));
        return this;
    }
}
