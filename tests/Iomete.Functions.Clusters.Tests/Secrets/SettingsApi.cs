using System.Net;
using System.Text.Json;

namespace Iomete.Functions.Clusters.Tests.Secrets;

/// <summary>More HTTP helpers of the settings tests (see <see cref="ApiHttp"/>).</summary>
internal static class SettingsApi
{
    public static async Task<string> RawAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    public static string[] ErrorFields(this JsonElement problem)
    {
        Assert.Equal("VALIDATION_ERROR", problem.Str("errorCode"));
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
    }

    public static string[] Strings(this JsonElement array, string property) =>
        (array.ValueKind == JsonValueKind.Object ? array.GetProperty("items") : array).EnumerateArray().Select(i => i.Str(property)).ToArray();
}
