using Iomete.Functions.Identity.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>Signs ID tokens (ES256, with the active key's <c>kid</c>).</summary>
public sealed class IdTokenIssuer(SigningKeyStore keys, OidcProfile profile, TimeProvider clock, IOptions<OidcOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> IssueAsync(string issuer, string clientId, User user, OidcCodeGrant grant, CancellationToken ct)
    {
        var claims = await profile.ClaimsAsync(user, grant.Scope.Split(' '), ct);
        if (grant.Nonce is not null)
        {
            claims["nonce"] = grant.Nonce;
        }
        claims.Remove("sub");
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await keys.ActiveAsync(ct);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = clientId,
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", user.Id)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.IdTokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
