namespace Iomete.Iceberg.Json;

/// <summary>Iceberg JSON that does not follow the spec (unknown type, missing member, wrong kind). The message names the JSON path.</summary>
public sealed class IcebergFormatException : Exception
{
    public IcebergFormatException()
    {
    }

    public IcebergFormatException(string message)
        : base(message)
    {
    }

    public IcebergFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The JSON path of the offending element (e.g. <c>$.fields[2].type</c>), when known.</summary>
    public string? Path { get; init; }

    internal static IcebergFormatException At(string path, string problem) => new($"{path}: {problem}") { Path = path };
}
