using System.Net;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.Auth;

/// <summary>Creates users and groups through the API, as an admin would.</summary>
internal static class Identities
{
    public const string Password = "User-Password-1";

    public static async Task<string> CreateUserAsync(this HttpClient admin, string username, string password = Password, string type = "PERSON")
    {
        var user = await admin.PostJsonAsync("/api/v1/admin/identity/users", new { username, password, type }, HttpStatusCode.Created);
        return user.Str("id");
    }

    public static async Task<string> CreateGroupAsync(this HttpClient admin, string name)
    {
        var group = await admin.PostJsonAsync("/api/v1/admin/identity/groups", new { name }, HttpStatusCode.Created);
        return group.Str("id");
    }

    public static async Task AddMemberAsync(this HttpClient admin, string groupId, string userId)
    {
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, $"/api/v1/admin/identity/groups/{groupId}/members", new { userId });
        await response.JsonAsync(HttpStatusCode.NoContent);
    }

    public static async Task AddSubgroupAsync(this HttpClient admin, string parentId, string childId, HttpStatusCode expected = HttpStatusCode.NoContent)
    {
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, $"/api/v1/admin/identity/groups/{parentId}/subgroups", new { groupId = childId });
        await response.JsonAsync(expected);
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A platform whose clock the test controls.</summary>
    public static Task<LocalPlatform> StartWithClockAsync(ManualClock clock, IDictionary<string, string?>? settings = null) =>
        LocalPlatform.StartAsync(settings, builder => builder.Services.AddSingleton<TimeProvider>(clock));
}
