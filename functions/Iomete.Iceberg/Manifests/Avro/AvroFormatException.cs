namespace Iomete.Iceberg.Manifests.Avro;

/// <summary>An Avro file (or a manifest inside it) that cannot be read: bad magic, truncated data, unexpected schema.</summary>
public sealed class AvroFormatException(string message) : Exception(message);
