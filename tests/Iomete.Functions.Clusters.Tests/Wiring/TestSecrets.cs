using System.Net;
using System.Net.Http.Json;

namespace Iomete.Functions.Clusters.Tests.Wiring;

/// <summary>Secrets that workload tests reference: writes check that a referenced key exists, so the tests create it first.</summary>
internal static class TestSecrets
{
    /// <summary>Creates a secret of <paramref name="domain"/> (global when null); one that exists already is fine.</summary>
    public static async Task EnsureAsync(HttpClient admin, string? domain, string key)
    {
        var path = domain is null ? "/api/v1/admin/secrets/global" : $"/api/v1/domains/{domain}/secrets";
        using var response = await admin.PostAsJsonAsync(path, new { key, value = "test-value-" + key });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
            $"creating secret '{key}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
