namespace Iomete.Iceberg.Schemas;

/// <summary>A schema, schema change, partition spec or sort order that breaks the spec's rules.</summary>
public sealed class SchemaValidationException : Exception
{
    public SchemaValidationException()
    {
    }

    public SchemaValidationException(string message)
        : base(message)
    {
    }

    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
