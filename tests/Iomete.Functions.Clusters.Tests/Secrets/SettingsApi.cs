using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Functions.Clusters.Tests.Secrets;

/// <summary>HTTP helpers of the settings tests: every call states the status it expects and shows the body when it differs.</summary>
internal static class SettingsApi
{
    public static async Task<JsonElement> ExpectAsync(this HttpClient client, HttpStatusCode expected, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (expected >= HttpStatusCode.BadRequest)
        {
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> RawAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    public static string[] ErrorFields(this JsonElement problem)
    {
        Assert.Equal("VALIDATION_ERROR", problem.Str("errorCode"));
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
    }

    public static string[] Strings(this JsonElement array, string property) =>
        (array.ValueKind == JsonValueKind.Object ? array.GetProperty("items") : array).EnumerateArray().Select(i => i.Str(property)).ToArray();
}
