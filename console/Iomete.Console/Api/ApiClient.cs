using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace Iomete.Console.Api;

/// <summary>
/// The console's one way to the platform: the same HTTP routes any client uses, with the session's bearer token.
/// A non-2xx answer throws <see cref="ApiProblemException"/> with the problem details; a 401 refreshes the session
/// once and retries, and when that fails the user is sent to sign in again.
/// </summary>
public sealed class ApiClient(HttpClient http, ConsoleSession session, NavigationManager navigation)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);

    public HttpClient Http => http;

    /// <summary>A domain-scoped path: <c>/api/v1/domains/{domain}/</c> + <paramref name="rest"/>.</summary>
    public string InDomain(string rest) => $"/api/v1/domains/{Uri.EscapeDataString(session.Domain)}/{rest.TrimStart('/')}";

    public async Task<T> GetAsync<T>(string path, CancellationToken ct = default) =>
        (await SendAsync<T>(HttpMethod.Get, path, null, ct))!;

    public Task<JsonElement> GetJsonAsync(string path, CancellationToken ct = default) => GetAsync<JsonElement>(path, ct);

    public Task<JsonElement> PostAsync(string path, object? body = null, CancellationToken ct = default) => SendAsync<JsonElement>(HttpMethod.Post, path, body, ct);

    public Task<JsonElement> PutAsync(string path, object? body = null, CancellationToken ct = default) => SendAsync<JsonElement>(HttpMethod.Put, path, body, ct);

    public Task<JsonElement> PatchAsync(string path, object? body = null, CancellationToken ct = default) => SendAsync<JsonElement>(HttpMethod.Patch, path, body, ct);

    public Task<JsonElement> DeleteAsync(string path, CancellationToken ct = default) => SendAsync<JsonElement>(HttpMethod.Delete, path, null, ct);

    /// <summary>Sends and reads the body as <typeparamref name="T"/>; an empty body (204) reads as default.</summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(() =>
        {
            var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = body is HttpContent content ? content : JsonContent.Create(body, body.GetType(), options: ConsoleJson.Options);
            }
            return request;
        }, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return default;
        }
        var text = await response.Content.ReadAsStringAsync(ct);
        return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, ConsoleJson.Options);
    }

    /// <summary>
    /// Sends a request built by <paramref name="build"/> (called again for the retry after a refresh) and returns the
    /// successful response undisposed: for downloads and streams.
    /// </summary>
    public async Task<HttpResponseMessage> SendRawAsync(Func<HttpRequestMessage> build, HttpCompletionOption completion, CancellationToken ct = default)
    {
        var tokens = await session.RestoreTokensAsync();
        var response = await SendWithAsync(build(), tokens, completion, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized && tokens is not null)
        {
            response.Dispose();
            if (await RefreshAsync(tokens, ct) is { } fresh)
            {
                response = await SendWithAsync(build(), fresh, completion, ct);
            }
            else
            {
                await session.SignOutAsync();
                navigation.NavigateTo("/sign-in?returnUrl=" + Uri.EscapeDataString(navigation.ToBaseRelativePath(navigation.Uri)));
                throw new ApiProblemException(new ApiProblem(401, "Signed out", "Your session ended. Sign in again.", "UNAUTHORIZED", new Dictionary<string, string[]>()));
            }
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                throw new ApiProblemException(ApiProblem.Parse((int)response.StatusCode, response.ReasonPhrase, text));
            }
        }
        return response;
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, SessionTokens? tokens, HttpCompletionOption completion, CancellationToken ct)
    {
        if (tokens is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }
        return http.SendAsync(request, completion, ct);
    }

    /// <summary>Exchanges the refresh token once for all requests that failed with the same access token.</summary>
    private async Task<SessionTokens?> RefreshAsync(SessionTokens stale, CancellationToken ct)
    {
        await refreshing.WaitAsync(ct);
        try
        {
            if (session.Tokens is { } current && current.AccessToken != stale.AccessToken)
            {
                return current;
            }
            using var response = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = stale.RefreshToken }, ConsoleJson.Options, ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var fresh = await response.Content.ReadFromJsonAsync<SessionTokens>(ConsoleJson.Options, ct);
            if (fresh is not null)
            {
                await session.SetTokensAsync(fresh);
            }
            return fresh;
        }
        finally
        {
            refreshing.Release();
        }
    }
}
