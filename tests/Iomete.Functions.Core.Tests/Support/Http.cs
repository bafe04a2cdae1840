using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Functions.Core.Tests.Support;

/// <summary>Small HTTP helpers: every call states the status it expects and shows the body when it differs.</summary>
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
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object? body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> DeleteJsonAsync(this HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.DeleteAsync(new Uri(path, UriKind.Relative));
        return await response.JsonAsync(expected);
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>The field names of a validation problem's <c>errors</c>, sorted.</summary>
    public static string[] ErrorFields(this JsonElement problem)
    {
        Assert.Equal("VALIDATION_ERROR", problem.Str("errorCode"));
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
    }

    public static string[] Names(this JsonElement page, string property = "name") =>
        page.GetProperty("items").EnumerateArray().Select(i => i.Str(property)).ToArray();
}
