using System.Net;
using System.Text;
using System.Text.Json;

namespace Iomete.Functions.Sql.Tests.Support;

internal static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> ExpectAsync(this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null)
    {
        var (status, json) = await client.SendAsync(method, url, body);
        Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {(json.ValueKind == JsonValueKind.Undefined ? "" : json.GetRawText())}");
        return json;
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
