using System.Net;
using System.Text;

namespace Iomete.Integration.Tests.Walks;

/// <summary>
/// Every route, called as the admin with malformed JSON, wrong types, an oversized body and
/// unknown ids, answers a 4xx problem+json (or a success where the input happens to be valid),
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
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{function.Name} {method} {url} with {name}: {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                    }
                    else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{function.Name} {method} {url} with {name}: {status} without problem+json");
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

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
