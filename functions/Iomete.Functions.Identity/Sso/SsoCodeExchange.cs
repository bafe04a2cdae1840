using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Iomete.Functions.Identity.Oidc;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Iomete.Functions.Identity.Sso;

/// <summary>Redeems the provider's authorization code at its token endpoint (client_secret_basic, PKCE verifier).</summary>
public sealed class SsoCodeExchange(SsoProvider provider, IdentitySecretCipher cipher)
{
    public async Task<string> IdTokenAsync(SsoOidcConfig config, OpenIdConnectConfiguration metadata, string code, string verifier, string redirectUri, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, metadata.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
            }),
        };
        // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding.
        var basic = Uri.EscapeDataString(config.ClientId) + ":" + Uri.EscapeDataString(cipher.Decrypt(config.EncryptedClientSecret));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await provider.Client().SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new ApiException(502, "IDP_UNAVAILABLE", "Identity provider unavailable", "The identity provider's token endpoint did not answer.");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            string? idToken = null;
            string? error = null;
            try
            {
                using var json = JsonDocument.Parse(text);
                idToken = json.RootElement.TryGetProperty("id_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                error = json.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            }
            catch (JsonException)
            {
                // Not JSON: reported below as an unusable answer.
            }
            if (!response.IsSuccessStatusCode || idToken is null)
            {
                throw new ApiException(502, "IDP_TOKEN_REFUSED", "Sign-in failed",
                    $"The identity provider did not issue an ID token ({(int)response.StatusCode}{(error is null ? "" : ", " + error)}).");
            }
            return idToken;
        }
    }
}
