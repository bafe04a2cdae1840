using System.Security.Cryptography;
using System.Text;
using Dapper;
using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Auth;

/// <summary>
/// Resolves the caller from <c>Authorization: Bearer</c> or <c>X-API-Token</c> (session access
/// tokens and access tokens alike), or the platform itself from <c>dapr-api-token</c>. Costs two
/// indexed queries: the token with its user, then the user's effective groups and admin roles.
/// </summary>
internal sealed class CallerAccessor(
    IdentityDb db,
    TimeProvider clock,
    TokenRateLimiter rateLimiter,
    CallerCache cache,
    IOptions<InternalCallOptions> internalCalls) : ICallerAccessor
{
    public const string ApiTokenHeader = "X-API-Token";
    private const string CallerItem = "iomete.caller";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public Caller? Current(HttpContext context) =>
        context.Items.TryGetValue(CallerItem, out var caller) ? caller as Caller : null;

    public async Task<Caller> RequireAsync(HttpRequest request, CancellationToken ct)
    {
        if (Current(request.HttpContext) is { } known)
        {
            return known;
        }
        var mutation = ChangesIdentity(request);
        if (mutation)
        {
            cache.Clear();
        }
        var caller = request.Headers.ContainsKey(InternalCallOptions.Header)
            ? await ResolveInternalAsync(request, ct)
            : await ResolveTokenAsync(ReadToken(request) ?? throw new UnauthorizedException(), useCache: !mutation, ct);
        request.HttpContext.Items[CallerItem] = caller;
        return caller;
    }

    /// <summary>
    /// Any mutation may change users, groups, roles or tokens, except the data routes that never do
    /// (the Iceberg catalog, event ingestion); clearing before it runs makes the next request of this replica see it.
    /// </summary>
    private static bool ChangesIdentity(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && !request.Path.StartsWithSegments("/catalogs", StringComparison.Ordinal)
        && !request.Path.StartsWithSegments("/data-plane", StringComparison.Ordinal);

    /// <summary>
    /// The bearer secret of the request: <c>Authorization: Bearer</c>, <c>X-API-Token</c>, or a bare token in
    /// <c>Authorization</c> (IOMETE's event-stream clients send <c>Authorization: &lt;token&gt;</c>).
    /// </summary>
    public static string? ReadToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString().Trim();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return NullIfEmpty(authorization["Bearer ".Length..].Trim());
        }
        if (authorization.Length > 0 && !authorization.Contains(' ', StringComparison.Ordinal)
            && (authorization.StartsWith(SecretTokens.AccessTokenPrefix, StringComparison.Ordinal) || authorization.StartsWith(SecretTokens.SessionPrefix, StringComparison.Ordinal)))
        {
            return authorization;
        }
        return NullIfEmpty(request.Headers[ApiTokenHeader].ToString().Trim());
    }

    /// <summary>
    /// The platform itself, or, with <see cref="InternalCallOptions.RunAsHeader"/>, the active user the internal call acts
    /// for (a SQL job's run-as user). The header means nothing without the internal token, which is checked first.
    /// </summary>
    private async Task<Caller> ResolveInternalAsync(HttpRequest request, CancellationToken ct)
    {
        var system = ResolveInternal(request.Headers[InternalCallOptions.Header].ToString());
        var runAs = request.Headers[InternalCallOptions.RunAsHeader].ToString().Trim();
        if (runAs.Length == 0)
        {
            return system;
        }
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<Resolved>(new CommandDefinition(
            $"SELECT u.id AS Id, u.id AS UserId, {UserColumns} FROM users u WHERE u.id = @id", new { id = runAs }, cancellationToken: ct));
        if (user is null || user.UserStatus != "ACTIVE")
        {
            throw new UnauthorizedException($"The run-as user '{runAs}' does not exist or is disabled.");
        }
        var membership = await EffectiveMembership.LoadAsync(connection, user.UserId, ct);
        return new Caller(user.UserId, user.Username, DbEnum<UserType>.Parse(user.UserType), user.IsSuperAdmin,
            membership.AdminRoles, membership.GroupIds, null);
    }

    private Caller ResolveInternal(string presented)
    {
        var expected = internalCalls.Value.AppApiToken;
        // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
        if (string.IsNullOrEmpty(expected) ||
            !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            throw new UnauthorizedException("The internal app token is not valid.");
        }
        return SystemCaller.Instance;
    }

    private async Task<Caller> ResolveTokenAsync(string token, bool useCache, CancellationToken ct)
    {
        var isSession = token.StartsWith(SecretTokens.SessionPrefix, StringComparison.Ordinal);
        if (!isSession && !token.StartsWith(SecretTokens.AccessTokenPrefix, StringComparison.Ordinal))
        {
            throw new UnauthorizedException("The token is not valid.");
        }
        var hash = SecretTokens.Hash(token);
        if (useCache && cache.TryGet(hash, out var cached))
        {
            if (cached.MaxRps is { } cachedRps and > 0)
            {
                rateLimiter.Acquire(cached.TokenId, cachedRps);
            }
            return cached.Caller;
        }
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var found = await connection.QuerySingleOrDefaultAsync<Resolved>(new CommandDefinition(
            isSession ? SessionSql : AccessTokenSql, new { hash }, cancellationToken: ct))
            ?? throw new UnauthorizedException("The token is not valid, or it was revoked.");
        if (found.ExpiresAtMs is { } expires && expires <= IdentityDb.Ms(now))
        {
            throw new UnauthorizedException("The token has expired.");
        }
        if (found.TokenStatus == "SUSPENDED")
        {
            throw new UnauthorizedException("The access token is suspended.");
        }
        if (found.UserStatus != "ACTIVE")
        {
            throw new UnauthorizedException("The user of this token is disabled.");
        }
        if (!isSession)
        {
            if (found.MaxRps is { } maxRps and > 0)
            {
                rateLimiter.Acquire(found.Id, maxRps);
            }
            if (found.LastUsedMs is null || found.LastUsedMs < IdentityDb.Ms(now - LastUsedResolution))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE access_tokens SET last_used_ms = @now WHERE id = @id AND (last_used_ms IS NULL OR last_used_ms < @threshold)",
                    new { id = found.Id, now = IdentityDb.Ms(now), threshold = IdentityDb.Ms(now - LastUsedResolution) },
                    cancellationToken: ct));
            }
        }
        var membership = await EffectiveMembership.LoadAsync(connection, found.UserId, ct);
        var caller = new Caller(found.UserId, found.Username, DbEnum<UserType>.Parse(found.UserType), found.IsSuperAdmin,
            membership.AdminRoles, membership.GroupIds, isSession ? null : found.Id);
        if (useCache && (found.ExpiresAtMs is null || found.ExpiresAtMs > IdentityDb.Ms(now + TimeSpan.FromSeconds(5))))
        {
            cache.Add(hash, caller, found.Id, isSession ? null : found.MaxRps);
        }
        return caller;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private const string UserColumns =
        "u.username AS Username, u.type AS UserType, u.status AS UserStatus, u.is_super_admin AS IsSuperAdmin";

    private const string SessionSql =
        $"SELECT s.id AS Id, s.user_id AS UserId, s.access_expires_ms AS ExpiresAtMs, {UserColumns} " +
        "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.access_hash = @hash";

    private const string AccessTokenSql =
        "SELECT t.id AS Id, t.owner_id AS UserId, t.expires_at_ms AS ExpiresAtMs, t.status AS TokenStatus, t.max_rps AS MaxRps, " +
        $"t.last_used_ms AS LastUsedMs, {UserColumns} FROM access_tokens t JOIN users u ON u.id = t.owner_id WHERE t.token_hash = @hash";

    private sealed class Resolved
    {
        public string Id { get; init; } = "";
        public string UserId { get; init; } = "";
        public long? ExpiresAtMs { get; init; }
        public string? TokenStatus { get; init; }
        public int? MaxRps { get; init; }
        public long? LastUsedMs { get; init; }
        public string Username { get; init; } = "";
        public string UserType { get; init; } = "";
        public string UserStatus { get; init; } = "";
        public bool IsSuperAdmin { get; init; }
    }
}
