using System.Text.Json;

namespace Iomete.Console.Api;

/// <summary>The tokens of a signed-in session as <c>POST /api/v1/auth/login</c> (or the SSO exchange) returns them.</summary>
public sealed record SessionTokens(string AccessToken, string RefreshToken, bool PasswordChangeRequired);

/// <summary>One domain the user may work in, with the permissions its bundle grants there.</summary>
public sealed record DomainAccess(string Id, string Name, bool IsOwner, IReadOnlyList<string> Permissions);

/// <summary>The user as <c>GET /api/v2/user</c> describes it.</summary>
public sealed record ConsoleUser(string Id, string Username, bool IsSuperAdmin, IReadOnlyList<string> AdminRoles, IReadOnlyList<DomainAccess> Domains)
{
    public bool IsAdmin => IsSuperAdmin || AdminRoles.Count > 0;

    public static ConsoleUser From(JsonElement e)
    {
        var domains = new List<DomainAccess>();
        if (e.TryGetProperty("domains", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in list.EnumerateArray())
            {
                var domain = d.GetProperty("domain");
                domains.Add(new DomainAccess(
                    domain.Str("id") ?? "", domain.Str("name") ?? domain.Str("id") ?? "",
                    d.TryGetProperty("isOwner", out var owner) && owner.ValueKind == JsonValueKind.True,
                    d.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Array ? [.. p.EnumerateArray().Select(x => x.GetString() ?? "")] : []));
            }
        }
        return new ConsoleUser(e.Str("id") ?? "", e.Str("username") ?? "",
            e.TryGetProperty("isSuperAdmin", out var s) && s.ValueKind == JsonValueKind.True,
            e.TryGetProperty("adminRoles", out var r) && r.ValueKind == JsonValueKind.Array ? [.. r.EnumerateArray().Select(x => x.GetString() ?? "")] : [],
            domains);
    }
}

/// <summary>
/// Who is signed in and which domain the console works in. Tokens live in localStorage; the user and domains are
/// read from the platform at start. Components listen to <see cref="Changed"/>.
/// </summary>
public sealed class ConsoleSession(ISessionStorage storage)
{
    private const string TokensKey = "iomete.session";
    private const string DomainKey = "iomete.domain";

    public SessionTokens? Tokens { get; private set; }

    public ConsoleUser? User { get; private set; }

    /// <summary>The domain id used in domain-scoped routes (<c>/api/v1/domains/{domain}/…</c>).</summary>
    public string Domain { get; private set; } = "default";

    public bool IsSignedIn => Tokens is not null && User is not null;

    public event Action? Changed;

    /// <summary>True when the user's bundle in the current domain grants <paramref name="permission"/> (admins: always).</summary>
    public bool Can(string permission) =>
        User is { } u && (u.IsSuperAdmin || u.Domains.Any(d => d.Id == Domain && (d.IsOwner || d.Permissions.Contains(permission))));

    public async Task<SessionTokens?> RestoreTokensAsync()
    {
        if (Tokens is null && await storage.GetAsync(TokensKey) is { Length: > 0 } json)
        {
            Tokens = JsonSerializer.Deserialize<SessionTokens>(json, ConsoleJson.Options);
            Domain = await storage.GetAsync(DomainKey) ?? Domain;
        }
        return Tokens;
    }

    public async Task SetTokensAsync(SessionTokens tokens)
    {
        Tokens = tokens;
        await storage.SetAsync(TokensKey, JsonSerializer.Serialize(tokens, ConsoleJson.Options));
    }

    public void SetUser(ConsoleUser user)
    {
        User = user;
        if (user.Domains.Count > 0 && user.Domains.All(d => d.Id != Domain))
        {
            Domain = user.Domains[0].Id;
        }
        Changed?.Invoke();
    }

    public async Task SetDomainAsync(string domain)
    {
        Domain = domain;
        await storage.SetAsync(DomainKey, domain);
        Changed?.Invoke();
    }

    public async Task SignOutAsync()
    {
        Tokens = null;
        User = null;
        await storage.SetAsync(TokensKey, null);
        Changed?.Invoke();
    }
}
