using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Console.Api;

/// <summary>Signs in (password or LDAP: the same route; SSO: the code the callback hands back) and loads the user.</summary>
public sealed class SignInService(HttpClient http, ApiClient api, ConsoleSession session)
{
    public async Task SignInAsync(string username, string password, CancellationToken ct = default) =>
        await StartAsync(await PostAsync("/api/v1/auth/login", new { username, password }, ct), ct);

    public async Task ExchangeSsoCodeAsync(string code, CancellationToken ct = default) =>
        await StartAsync(await PostAsync("/api/v1/identity/sso/exchange", new { code }, ct), ct);

    /// <summary>Loads the user for stored tokens; false when there are none or they no longer work.</summary>
    public async Task<bool> ResumeAsync(CancellationToken ct = default)
    {
        if (session.IsSignedIn)
        {
            return true;
        }
        if (await session.RestoreTokensAsync() is null)
        {
            return false;
        }
        try
        {
            await LoadUserAsync(ct);
            return true;
        }
        catch (ApiProblemException)
        {
            await session.SignOutAsync();
            return false;
        }
    }

    public async Task LoadUserAsync(CancellationToken ct = default) =>
        session.SetUser(ConsoleUser.From(await api.GetJsonAsync("/api/v2/user", ct)));

    public async Task SignOutAsync(CancellationToken ct = default)
    {
        try
        {
            if (session.Tokens is not null)
            {
                await api.PostAsync("/api/v1/auth/logout", null, ct);
            }
        }
        catch (ApiProblemException)
        {
            // The session may already be gone on the server: signing out here still ends it in the browser.
        }
        await session.SignOutAsync();
    }

    private async Task<SessionTokens> PostAsync(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ConsoleJson.Options, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiProblemException(ApiProblem.Parse((int)response.StatusCode, response.ReasonPhrase, text));
        }
        return JsonSerializer.Deserialize<SessionTokens>(text, ConsoleJson.Options)
               ?? throw new ApiProblemException(ApiProblem.Parse(500, "Sign-in failed", "The platform answered without tokens."));
    }

    private async Task StartAsync(SessionTokens tokens, CancellationToken ct)
    {
        await session.SetTokensAsync(tokens);
        await LoadUserAsync(ct);
    }
}
