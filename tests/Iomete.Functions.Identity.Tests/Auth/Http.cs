using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Functions.Identity.Tests.Auth;

/// <summary>Small HTTP helpers for the identity tests.</summary>
internal static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        return await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PutAsJsonAsync(path, body);
        return await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> PatchJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PatchAsJsonAsync(path, body);
        return await response.JsonAsync(expected);
    }

    public static async Task DeleteAsync(this HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.DeleteAsync(path);
        await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> DeleteAsyncJson(this HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.DeleteAsync(path);
        return await response.JsonAsync(expected);
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static HttpClient WithBearer(this Iomete.Testing.LocalPlatform platform, string token)
    {
        var client = platform.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient WithInternalToken(this Iomete.Testing.LocalPlatform platform, string? token)
    {
        var client = platform.Anonymous();
        client.DefaultRequestHeaders.Add(Iomete.Platform.Security.InternalCallOptions.Header, token);
        return client;
    }

    public static string AppApiToken(this Iomete.Testing.LocalPlatform platform) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Iomete.Platform.Security.InternalCallOptions>>(platform.Services)
            .Value.AppApiToken!;
}
