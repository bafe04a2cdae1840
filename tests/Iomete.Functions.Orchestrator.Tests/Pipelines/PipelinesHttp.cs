using System.Net;
using System.Text;
using System.Text.Json;

namespace Iomete.Functions.Orchestrator.Tests.Pipelines;

/// <summary>Requests with extra headers (the rest of the expectations are <c>Iomete.Testing.ApiHttp</c>).</summary>
public static class PipelinesHttp
{
    public static async Task<JsonElement> ExpectWithHeadersAsync(
        this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
