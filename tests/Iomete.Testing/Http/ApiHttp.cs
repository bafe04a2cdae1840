using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Iomete.Testing.Http;

/// <summary>HTTP helpers of the API tests: every call states the status it expects and shows the body when it differs.</summary>
public static class ApiHttp
{
    public static async Task<(HttpStatusCode Status, string Text, HttpResponseMessage Response)> SendRawAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static async Task<JsonElement> ExpectAsync(this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null)
    {
        var (status, text, response) = await client.SendRawAsync(method, url, body);
        using (response)
        {
            Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {text}");
            if (expected >= HttpStatusCode.BadRequest)
            {
                Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
            }
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer with the status and IOMETE error code.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(
        this HttpClient client, HttpStatusCode expected, string errorCode, HttpMethod method, string url, object? body = null)
    {
        var (status, text, response) = await client.SendRawAsync(method, url, body);
        using (response)
        {
            Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var json = JsonDocument.Parse(text).RootElement.Clone();
            Assert.Equal(errorCode, json.GetProperty("errorCode").GetString());
            return json;
        }
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
