using System.Security.Claims;
using System.Security.Cryptography;
using Iomete.Functions.Identity.Oidc;
using Iomete.Functions.Identity.Sso;
using Iomete.Functions.Identity.Tests.Oidc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Tests.Sso;

/// <summary>B's ID token validation against tokens A would never issue, crafted with A's real key or a fake one.</summary>
public sealed class SsoIdTokenValidationTests(SsoFixture fixture) : IClassFixture<SsoFixture>
{
    private const string Nonce = "nonce-1";

    private async Task<SsoOidcConfig> ConfigAsync() =>
        await fixture.B.Services.GetRequiredService<SsoConfigStore>().GetAsync(CancellationToken.None) ?? throw new InvalidOperationException("B has no SSO config");

    private Task<ECDsaSecurityKey> AKeyAsync() => fixture.A.Services.GetRequiredService<SigningKeyStore>().ActiveAsync(CancellationToken.None);

    private SecurityTokenDescriptor Descriptor(SigningCredentials? credentials, string? issuer = null, string? audience = null, DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new SecurityTokenDescriptor
        {
            Issuer = issuer ?? OidcTestKit.Issuer(fixture.A),
            Audience = audience ?? fixture.Client.Id,
            Subject = new ClaimsIdentity([new Claim("sub", "u-1"), new Claim("preferred_username", "mallory")]),
            Claims = new Dictionary<string, object> { ["nonce"] = Nonce },
            IssuedAt = exp.AddMinutes(-20),
            NotBefore = exp.AddMinutes(-20),
            Expires = exp,
            SigningCredentials = credentials,
        };
    }

    private static string Sign(SecurityTokenDescriptor descriptor) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);

    private async Task<Exception?> ValidateAsync(string token, string nonce = Nonce)
    {
        var validator = fixture.B.Services.GetRequiredService<SsoTokenValidator>();
        return await Record.ExceptionAsync(() => validator.ValidateAsync(ConfigAsync().Result, token, nonce, CancellationToken.None));
    }

    [Fact]
    public async Task ATokenSignedWithAsKey_ForBsClient_IsAccepted()
    {
        var token = Sign(Descriptor(new SigningCredentials(await AKeyAsync(), SecurityAlgorithms.EcdsaSha256)));
        Assert.Null(await ValidateAsync(token));
    }

    [Fact]
    public async Task AnUnsignedToken_AlgNone_IsRefused()
    {
        var token = Sign(Descriptor(null));
        Assert.Contains("\"alg\":\"none\"", Base64UrlEncoder.Decode(token.Split('.')[0]), StringComparison.Ordinal);
        Assert.IsType<SsoTokenRefusedException>(await ValidateAsync(token));
    }

    [Fact]
    public async Task AnHs256Token_IsRefused_EvenWithAsKid()
    {
        var kid = (await AKeyAsync()).KeyId;
        var hmac = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = kid };
        Assert.IsType<SsoTokenRefusedException>(await ValidateAsync(Sign(Descriptor(new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256)))));
    }

    [Fact]
    public async Task ATokenSignedWithAFakeKeyUnderAsKid_IsRefused()
    {
        var fake = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = (await AKeyAsync()).KeyId };
        Assert.IsType<SsoTokenRefusedException>(await ValidateAsync(Sign(Descriptor(new SigningCredentials(fake, SecurityAlgorithms.EcdsaSha256)))));
    }

    [Fact]
    public async Task ATokenForAnotherAudience_IsRefused()
    {
        var token = Sign(Descriptor(new SigningCredentials(await AKeyAsync(), SecurityAlgorithms.EcdsaSha256), audience: "another-client"));
        Assert.IsType<SsoTokenRefusedException>(await ValidateAsync(token));
    }

    [Fact]
    public async Task AnExpiredToken_IsRefused_BeyondTheSkew()
    {
        var token = Sign(Descriptor(new SigningCredentials(await AKeyAsync(), SecurityAlgorithms.EcdsaSha256), expires: DateTime.UtcNow.AddSeconds(-90)));
        Assert.IsType<SsoTokenRefusedException>(await ValidateAsync(token));
    }

    [Fact]
    public async Task ATokenFromAnotherIssuer_IsRefused()
    {
        var token = Sign(Descriptor(new SigningCredentials(await AKeyAsync(), SecurityAlgorithms.EcdsaSha256), issuer: "http://127.0.0.1:9"));
        Assert.IsType<SsoTokenRefusedException>(await ValidateAsync(token));
    }

    [Fact]
    public async Task ATokenWithAnotherNonce_IsRefused()
    {
        var token = Sign(Descriptor(new SigningCredentials(await AKeyAsync(), SecurityAlgorithms.EcdsaSha256)));
        Assert.IsType<SsoTokenRefusedException>(await ValidateAsync(token, nonce: "another-nonce"));
    }
}
