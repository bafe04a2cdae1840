using System.Net;
using System.Text.RegularExpressions;

namespace Iomete.Functions.Identity.Tests.Oidc;

/// <summary>A browser stand-in: keeps cookies, never follows redirects by itself, reads the login form's fields.</summary>
public sealed partial class Browser : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true });

    public async Task<Page> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url));
        return await Page.ReadAsync(response);
    }

    public async Task<Page> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await _client.PostAsync(new Uri(url), new FormUrlEncodedContent(fields));
        return await Page.ReadAsync(response);
    }

    /// <summary>Fills the login form of <paramref name="form"/> (hidden fields kept) and posts it to the page's origin.</summary>
    public Task<Page> SubmitLoginAsync(Page form, string username, string password)
    {
        var fields = form.HiddenFields().Append(new("username", username)).Append(new("password", password));
        return PostFormAsync(new Uri(form.Url, form.FormAction()).ToString(), fields);
    }

    public void Dispose() => _client.Dispose();

    public sealed record Page(Uri Url, HttpStatusCode Status, string? Location, string Body, string? ContentSecurityPolicy)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response) => new(
            response.RequestMessage!.RequestUri!, response.StatusCode,
            response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.ToString() : new Uri(response.RequestMessage!.RequestUri!, l).ToString()) : null,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp.First() : null);

        public string RequireRedirect()
        {
            Assert.True(Status == HttpStatusCode.Redirect, $"expected a 302 from {Url}, got {(int)Status}: {Body}");
            return Location!;
        }

        public IEnumerable<KeyValuePair<string, string>> HiddenFields() => Hidden().Matches(Body)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();

        public string FormAction() => WebUtility.HtmlDecode(Action().Match(Body).Groups["action"].Value);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex Hidden();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\">")]
    private static partial Regex Action();
}
