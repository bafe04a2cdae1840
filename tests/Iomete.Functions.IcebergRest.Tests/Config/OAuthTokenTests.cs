using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Config;

public sealed class OAuthTokenTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private static readonly string TokenUrl = $"/catalogs/{IcebergFixture.Catalog}/v1/oauth/tokens";

    private async Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(params (string Key, string Value)[] form)
    {
        using var anonymous = fixture.Platform.Anonymous();
        using var response = await anonymous.PostAsync(new Uri(TokenUrl, UriKind.Relative),
            new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task ClientCredentials_WithAnAccessTokenAsSecret_ReturnsABearerTokenThatWorks()
    {
        var secret = await fixture.AdminAccessTokenAsync();
        var (status, body) = await ExchangeAsync(("grant_type", "client_credentials"), ("client_id", "admin"), ("client_secret", secret), ("scope", "catalog"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", body.GetProperty("issued_token_type").GetString());
        using var client = fixture.WithBearer(body.GetProperty("access_token").GetString()!);
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, NsRoot());
    }

    [Fact]
    public async Task ClientCredentials_WithoutClientId_AreAccepted()
    {
        var (status, _) = await ExchangeAsync(("grant_type", "client_credentials"), ("client_secret", await fixture.AdminAccessTokenAsync()));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task AnInvalidSecret_Returns401InvalidClient()
    {
        var (status, body) = await ExchangeAsync(("grant_type", "client_credentials"), ("client_secret", "iom_not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AClientIdOfAnotherUser_Returns401InvalidClient()
    {
        var (status, body) = await ExchangeAsync(("grant_type", "client_credentials"), ("client_id", "someone-else"), ("client_secret", await fixture.AdminAccessTokenAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AMissingSecretOrGrantType_Returns400InvalidRequest()
    {
        foreach (var form in new[] { new[] { ("grant_type", "client_credentials") }, new[] { ("client_secret", "x") } })
        {
            var (status, body) = await ExchangeAsync(form);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task AnotherGrantType_Returns400UnsupportedGrantType()
    {
        var (status, body) = await ExchangeAsync(("grant_type", "password"), ("client_secret", "x"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AJsonBody_Returns400InvalidRequest()
    {
        using var anonymous = fixture.Platform.Anonymous();
        var (status, body) = await anonymous.SendJsonAsync(HttpMethod.Post, TokenUrl, new { grant_type = "client_credentials" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body!.RootElement.GetProperty("error").GetString());
    }
}
