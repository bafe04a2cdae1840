using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Iomete.Functions.Identity.Tests.Scim;

/// <summary>Calls SCIM routes the way identity providers do: application/scim+json bodies, Bearer token.</summary>
internal static class ScimClient
{
    public const string Base = "/api/v1/identity/scim/v2";

    public static async Task<(JsonElement Body, HttpResponseMessage Response)> SendAsync(
        this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected, string mediaType = "application/scim+json")
    {
        using var request = new HttpRequestMessage(method, Base + path);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (text.Length > 0)
        {
            Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        }
        return (text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    public static async Task<JsonElement> ScimAsync(this HttpClient client, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (json, response) = await client.SendAsync(method, path, body, expected);
        response.Dispose();
        return json;
    }

    public static Task<JsonElement> ScimGetAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.ScimAsync(HttpMethod.Get, path, null, expected);

    public static object NewUser(string userName, string email, string externalId = "ext-1", bool active = true) => new
    {
        schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
        userName,
        externalId,
        name = new { givenName = "Given", familyName = "Family" },
        emails = new object[]
        {
            new { value = "other-" + email, type = "home", primary = false },
            new { value = email, type = "work", primary = true },
        },
        active,
    };

    public static object Patch(params object[] operations) => new
    {
        schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
        Operations = operations,
    };

    public static string Filter(string filter) => Uri.EscapeDataString(filter);
}
