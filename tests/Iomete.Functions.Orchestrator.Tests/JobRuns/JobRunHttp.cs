using System.Net;
using System.Text;
using System.Text.Json;

namespace Iomete.Functions.Orchestrator.Tests.JobRuns;

/// <summary>HTTP helpers of the job-run tests: every call states the status it expects and shows the body when it differs.</summary>
internal static class JobRunHttp
{
    public static async Task<(HttpStatusCode Status, string Text, string? MediaType)> SendRawAsync(
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
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    public static async Task<JsonElement> ExpectAsync(
        this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body = null, IDictionary<string, string>? headers = null)
    {
        var (status, text, _) = await client.SendRawAsync(method, url, body, headers);
        Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ExpectProblemAsync(this HttpClient client, HttpStatusCode expected, string errorCode, HttpMethod method, string url, object? body = null)
    {
        var (status, text, mediaType) = await client.SendRawAsync(method, url, body);
        Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {text}");
        Assert.Equal("application/problem+json", mediaType);
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(errorCode, json.GetProperty("errorCode").GetString());
        return json;
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
