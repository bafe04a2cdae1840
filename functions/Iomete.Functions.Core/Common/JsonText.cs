using System.Text.Json;
using Iomete.Platform.Http;

namespace Iomete.Functions.Core.Common;

/// <summary>Lists and small documents kept in a text column as JSON, in the API's conventions.</summary>
internal static class JsonText
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json.Options);

    public static T Read<T>(string? text, T fallback) =>
        string.IsNullOrEmpty(text) ? fallback : JsonSerializer.Deserialize<T>(text, Json.Options) ?? fallback;
}
