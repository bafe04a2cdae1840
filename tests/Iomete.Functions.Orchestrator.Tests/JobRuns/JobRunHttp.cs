using System.Net;
using System.Text.Json;

namespace Iomete.Functions.Orchestrator.Tests.JobRuns;

/// <summary>What the shared <see cref="ApiHttp"/> helpers lack here: an expected-status call with extra headers.</summary>
internal static class JobRunHttp
{
    public static async Task<JsonElement> ExpectWithHeadersAsync(
        this HttpClient client, HttpStatusCode expected, HttpMethod method, string url, object? body, IDictionary<string, string> headers)
    {
        var (status, text, response) = await client.SendRawAsync(method, url, body, headers);
        response.Dispose();
        Assert.True(expected == status, $"{method} {url}: expected {(int)expected}, got {(int)status} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
