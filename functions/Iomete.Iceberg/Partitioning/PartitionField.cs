namespace Iomete.Iceberg.Partitioning;

/// <summary>A partition field: the source column id, its own field id (from 1000), a name and a transform.</summary>
public sealed record PartitionField(int SourceId, int FieldId, string Name, Transform Transform);
