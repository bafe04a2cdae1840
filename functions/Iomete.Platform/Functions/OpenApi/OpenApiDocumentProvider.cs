using System.Text.Json;

namespace Iomete.Platform.Functions.OpenApi;

/// <summary>The serialized document, built once per process.</summary>
public sealed class OpenApiDocumentProvider(OpenApiDocumentBuilder builder)
{
    public const string Title = "Iomete.Functions API";
    public const string Version = "v1";

    private readonly Lazy<byte[]> _document = new(() =>
        JsonSerializer.SerializeToUtf8Bytes(builder.Build(Title, Version), new JsonSerializerOptions { WriteIndented = true }));

    public ReadOnlyMemory<byte> Utf8Json => _document.Value;
}
