using System.Net;
using System.Text;
using System.Text.Json;

namespace Iomete.Functions.IcebergRest.Tests.Support;

internal static class HttpExtensions
{
    /// <summary>Sends a request (JSON body when given) and returns the status and the parsed body (null when empty).</summary>
    public static async Task<(HttpStatusCode Status, JsonDocument? Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text));
    }

    public static async Task<JsonElement> ExpectAsync(this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null)
    {
        var (status, json) = await client.SendJsonAsync(method, url, body);
        Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {json?.RootElement.GetRawText()}");
        return json?.RootElement ?? default;
    }

    /// <summary>Asserts the spec's IcebergErrorResponse with the given type and code.</summary>
    public static async Task<JsonElement> ExpectErrorAsync(this HttpClient client, HttpStatusCode expected, string type, HttpMethod method, string url, object? body = null)
    {
        var root = await client.ExpectAsync(expected, method, url, body);
        var error = root.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal((int)expected, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        return error;
    }

    public static IReadOnlyList<string> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    public static IReadOnlyList<string> NamespaceList(this JsonElement listResponse) =>
        listResponse.GetProperty("namespaces").EnumerateArray().Select(n => string.Join('.', n.Strings())).ToList();
}
