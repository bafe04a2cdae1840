using System.Net;
using System.Text;

namespace Iomete.Integration.Tests.Walks;

/// <summary>
/// Every route, called as the admin with malformed JSON, wrong types, an oversized body and
/// unknown ids, answers a 4xx problem+json (the Iceberg error shape under /catalogs/) (or a success where the input happens to be valid),
/// never a 5xx.
/// </summary>
public sealed class BadInputTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly (string Name, Func<HttpContent?> Body)[] Bodies =
    [
        ("no body", () => null),
        ("malformed JSON", () => new StringContent("{\"name\": ", Encoding.UTF8, "application/json")),
        ("a JSON array", () => new StringContent("[1,2,3]", Encoding.UTF8, "application/json")),
        ("a JSON string", () => new StringContent("\"text\"", Encoding.UTF8, "application/json")),
        ("wrong types", () => new StringContent(
            "{\"name\":42,\"id\":true,\"username\":[],\"password\":{},\"value\":null,\"settings\":\"x\",\"permissions\":7,\"owner\":\"me\",\"cpu\":\"lots\",\"type\":\"NOPE\"}",
            Encoding.UTF8, "application/json")),
        ("oversized body", () => new StringContent("{\"name\":\"" + new string('x', 3 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json")),
        ("wrong content type", () => new StringContent("<xml/>", Encoding.UTF8, "application/xml")),
    ];

    [Fact]
    public async Task EveryRoute_AnswersBadInputWith4xx_NeverWith5xx()
    {
        var failures = new List<string>();
        var client = await fixture.Platform.LoginAsync();
        try
        {
            foreach (var (function, method, url) in RouteSample.All())
            {
                if (function.Name.Contains("logout", StringComparison.Ordinal))
                {
                    continue; // would end the walk's own session; covered by identity tests
                }
                foreach (var (name, body) in method is "GET" or "DELETE" ? Bodies.Take(1) : Bodies)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body() };
                    // Headers first: a streaming route (the push stream) answers 200 and never ends its body.
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{function.Name} {method} {url} with {name}: {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                    }
                    else if (status >= 400 && method != "HEAD" && ErrorShapeProblem(url, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()) is { } problem)
                    {
                        failures.Add($"{function.Name} {method} {url} with {name}: {status} {problem}");
                    }
                    if (status == 401)
                    {
                        client.Dispose();
                        client = await fixture.Platform.LoginAsync();
                    }
                }
            }
        }
        finally
        {
            client.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Why an error body has the wrong shape, or null: problem+json everywhere except the Iceberg REST
    /// catalog under /catalogs/, which answers the spec's IcebergErrorResponse (its OAuth token
    /// endpoint the OAuth2 error object), and the protocol routes of <see cref="ProtocolErrors"/>.
    /// </summary>
    private static string? ErrorShapeProblem(string url, string? mediaType, string body)
    {
        if (ProtocolErrors.Shape(url, mediaType, body) is { } protocol)
        {
            return protocol.Length == 0 ? null : protocol;
        }
        if (!url.StartsWith("/catalogs/", StringComparison.Ordinal))
        {
            return mediaType == "application/problem+json" ? null : "without problem+json";
        }
        if (mediaType != "application/json")
        {
            return $"with {mediaType} instead of application/json";
        }
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        var isOAuth = url.EndsWith("/v1/oauth/tokens", StringComparison.Ordinal);
        return isOAuth
            ? (error.ValueKind == System.Text.Json.JsonValueKind.String ? null : "without an OAuth2 error")
            : (error.TryGetProperty("type", out _) && error.TryGetProperty("code", out _) ? null : "without an Iceberg error");
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
