using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Ldap;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Auth;

public sealed record LoginRequest([property: Required] string Username, [property: Required] string Password);

/// <summary>The secrets of a new or refreshed session; <c>expiresIn</c> counts seconds.</summary>
public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    long ExpiresIn,
    string RefreshToken,
    long RefreshExpiresIn,
    bool PasswordChangeRequired);

/// <summary>Username and password in, a session out. One answer for unknown users and wrong passwords.</summary>
public sealed class Login(UserStore users, PasswordHasher hasher, SessionStore sessions, LoginThrottle throttle, TimeProvider clock, LdapAuthenticator ldap)
{
    [Function("identity-auth-login")]
    [AllowAnonymousCaller]
    [OpenApiOperation("Auth", "Log in with username and password")]
    [OpenApiRequestBody(typeof(LoginRequest))]
    [OpenApiResponse(200, typeof(TokenResponse))]
    [OpenApiResponse(401)]
    [OpenApiResponse(429)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/login")] HttpRequest request,
        CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<LoginRequest>(request, ct);
        var username = body.Username.Trim().ToLowerInvariant();
        var clientIp = request.HttpContext.Connection.RemoteIpAddress?.ToString();

        await throttle.EnsureAllowedAsync(username, clientIp, ct);
        var user = await users.FindByUsernameAsync(username, ct);
        bool valid;
        if (await ldap.DecidesAsync(user, ct) is { } directory)
        {
            // LDAP users (and, with LDAP on, usernames unknown here) log in by binding to the directory; never by a local password.
            user = await ldap.AuthenticateAsync(directory, user, username, body.Password, ct);
            valid = user is not null;
        }
        else
        {
            valid = user is not null ? hasher.Verify(body.Password, user.PasswordHash) : Decoy(body.Password);
        }
        if (user is null || !valid || user.Status != UserStatus.Active)
        {
            await throttle.RecordFailureAsync(username, clientIp, ct);
            throw new UnauthorizedException("Invalid username or password.");
        }

        if (user.PasswordHash is { } hash && hasher.NeedsRehash(hash))
        {
            await TryRehashAsync(user, body.Password, ct);
        }
        await throttle.ClearAsync(username, ct);
        var session = await sessions.CreateAsync(user.Id, clientIp, ct);
        return ApiResults.Ok(Respond(session, user.PasswordTemporary));
    }

    internal static TokenResponse Respond(SessionTokens session, bool passwordChangeRequired) => new(
        session.AccessToken, "Bearer", (long)session.AccessLifetime.TotalSeconds, session.RefreshToken,
        (long)session.RefreshLifetime.TotalSeconds, passwordChangeRequired);

    private bool Decoy(string password)
    {
        hasher.VerifyDecoy(password);
        return false;
    }

    private async Task TryRehashAsync(User user, string password, CancellationToken ct)
    {
        try
        {
            await users.UpdateAsync(user with { PasswordHash = hasher.Hash(password), UpdatedAt = clock.GetUtcNow() }, ct);
        }
        catch (ConflictException)
        {
            // Someone changed the user meanwhile; the next login upgrades the hash.
        }
    }
}
