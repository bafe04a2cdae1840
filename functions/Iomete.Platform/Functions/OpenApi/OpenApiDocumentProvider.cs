using System.Text.Json;

namespace Iomete.Platform.Functions.OpenApi;

/// <summary>The serialized document, built once per process.</summary>
public sealed class OpenApiDocumentProvider(OpenApiDocumentBuilder builder)
{
    public const string Title = "Iomete.Functions API";
    public const string Version = "v1";

    /// <summary>Indented, with only the escaping JSON requires (the document is read by people too).</summary>
    public static JsonSerializerOptions WriteOptions { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lazy<byte[]> _document = new(() =>
        JsonSerializer.SerializeToUtf8Bytes(builder.Build(Title, Version), WriteOptions));

    public ReadOnlyMemory<byte> Utf8Json => _document.Value;
}
