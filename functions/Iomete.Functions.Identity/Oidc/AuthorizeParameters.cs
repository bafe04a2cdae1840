using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>The parameters of an authorization request, from the query (GET) or the login form (POST).</summary>
public sealed record AuthorizeParameters(
    string ResponseType,
    string ClientId,
    string RedirectUri,
    string Scope,
    string? State,
    string? Nonce,
    string CodeChallenge,
    string CodeChallengeMethod)
{
    public static readonly string[] FieldNames =
        ["response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method"];

    public static AuthorizeParameters From(Func<string, StringValues> get)
    {
        string Value(string name) => get(name) is { Count: 1 } v ? v[0] ?? "" : "";
        string? Optional(string name) => Value(name) is { Length: > 0 } v ? v : null;
        return new(Value("response_type"), Value("client_id"), Value("redirect_uri"), Value("scope"), Optional("state"), Optional("nonce"),
            Value("code_challenge"), Value("code_challenge_method"));
    }

    public IReadOnlyList<string> Scopes => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<(string Name, string? Value)> Fields() =>
    [
        ("response_type", ResponseType), ("client_id", ClientId), ("redirect_uri", RedirectUri), ("scope", Scope), ("state", State),
        ("nonce", Nonce), ("code_challenge", CodeChallenge), ("code_challenge_method", CodeChallengeMethod),
    ];

    /// <summary>The request's problem once client and redirect URI are known good (OAuth error code and text), or null.</summary>
    public (string Error, string Description)? Problem(OidcClient client)
    {
        if (ResponseType != "code")
        {
            return ("unsupported_response_type", "Only response_type=code is supported.");
        }
        if (!Scopes.Contains("openid", StringComparer.Ordinal))
        {
            return ("invalid_scope", "The scope must include openid.");
        }
        if (Scopes.FirstOrDefault(s => !client.Scopes.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            return ("invalid_scope", $"The scope '{unknown}' is not allowed for this client.");
        }
        if (CodeChallengeMethod != "S256" || CodeChallenge.Length is < 43 or > 128 || !CodeChallenge.All(IsUnreserved))
        {
            return ("invalid_request", "PKCE is required: code_challenge (base64url SHA-256 of the verifier) with code_challenge_method=S256.");
        }
        if (State is { Length: > 512 } || Nonce is { Length: > 512 })
        {
            return ("invalid_request", "state and nonce must have at most 512 characters.");
        }
        return null;
    }

    /// <summary>The redirect URI with the given query parameters added (state when there is one).</summary>
    public string RedirectWith(params (string Name, string Value)[] parameters)
    {
        var query = parameters.Select(p => new KeyValuePair<string, StringValues>(p.Name, p.Value)).ToList();
        if (State is not null)
        {
            query.Add(new("state", State));
        }
        return QueryHelpers.AddQueryString(RedirectUri, query);
    }

    internal static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
