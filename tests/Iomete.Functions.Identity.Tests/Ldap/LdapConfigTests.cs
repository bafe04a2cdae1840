using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Ldap;

public sealed class LdapConfigTests
{
    [SlapdFact]
    public async Task Config_IsSavedWithVersion_AndTheBindCredentialIsNeverReturned()
    {
        await using var ldap = await LdapScenario.StartAsync(configure: false);
        await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/ldap", HttpStatusCode.NotFound);

        using var put = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(ldap.Admin, "/api/v1/admin/identity/ldap", ldap.Config());
        var putText = await put.Content.ReadAsStringAsync();
        var got = await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/ldap");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain(LdapScenario.ServicePassword, putText, StringComparison.Ordinal);
        Assert.DoesNotContain(LdapScenario.ServicePassword, got.GetRawText(), StringComparison.Ordinal);
        Assert.True(got.GetProperty("bindCredentialSet").GetBoolean());
        Assert.False(got.TryGetProperty("bindCredential", out _));
        Assert.Equal(1, got.GetProperty("version").GetInt32());
        Assert.Equal("DN", got.GetProperty("groupSync").Str("membershipAttributeType"));
        Assert.Equal(86400, got.GetProperty("syncIntervalSeconds").GetInt32());
        var key = Path.Combine(ldap.Platform.DataDir, "keys", "identity-secrets.key");
        Assert.True(File.Exists(key));
    }

    [SlapdFact]
    public async Task Config_WithStaleVersion_Returns409_AndWithNewUrlButNoCredential_Returns400()
    {
        await using var ldap = await LdapScenario.StartAsync();
        var stale = await ldap.Admin.PutJsonAsync("/api/v1/admin/identity/ldap",
            Merge(ldap.Config(credential: null), new { version = 7 }), HttpStatusCode.Conflict);
        var moved = await ldap.Admin.PutJsonAsync("/api/v1/admin/identity/ldap",
            Merge(ldap.Config(credential: null), new { connectionUrl = "ldap://attacker.example:389", version = 1 }), HttpStatusCode.BadRequest);

        Assert.Equal("CONFLICT", stale.Str("errorCode"));
        Assert.Contains("bindCredential", moved.Str("detail"), StringComparison.Ordinal);
        var kept = await ldap.Admin.PutJsonAsync("/api/v1/admin/identity/ldap", Merge(ldap.Config(credential: null), new { version = 1 }), HttpStatusCode.OK);
        Assert.True(kept.GetProperty("bindCredentialSet").GetBoolean());
        Assert.Equal(2, kept.GetProperty("version").GetInt32());
    }

    [SlapdFact]
    public async Task Config_WithBadUrlFilterOrInterval_Returns400()
    {
        await using var ldap = await LdapScenario.StartAsync(configure: false);
        foreach (var bad in new[]
                 {
                     Merge(ldap.Config(), new { connectionUrl = "http://127.0.0.1:389" }),
                     Merge(ldap.Config(), new { userFilters = new[] { "uid=*" } }),
                     Merge(ldap.Config(), new { userFilters = new[] { "(a=b))(c=d" } }),
                     Merge(ldap.Config(), new { syncIntervalSeconds = 4 }),
                 })
        {
            await ldap.Admin.PutJsonAsync("/api/v1/admin/identity/ldap", bad, HttpStatusCode.BadRequest);
        }
    }

    [SlapdFact]
    public async Task TestConnection_WithGoodAndBadCredentials_Answers200WithTheOutcome()
    {
        await using var ldap = await LdapScenario.StartAsync();
        var invalid = await ldap.Admin.PostJsonAsync("/api/v1/admin/identity/ldap/test-connection", new { }, HttpStatusCode.BadRequest);
        using var empty = await ldap.Admin.PostAsync("/api/v1/admin/identity/ldap/test-connection", null);
        var stored = await empty.JsonAsync(HttpStatusCode.OK);
        var wrong = await ldap.Admin.PostJsonAsync("/api/v1/admin/identity/ldap/test-connection", ldap.Config(credential: "wrong-password"), HttpStatusCode.OK);
        var unreachable = await ldap.Admin.PostJsonAsync("/api/v1/admin/identity/ldap/test-connection",
            Merge(ldap.Config(), new { connectionUrl = $"ldap://127.0.0.1:{TestProcess.FreePort()}" }), HttpStatusCode.OK);

        Assert.Equal("VALIDATION_ERROR", invalid.Str("errorCode"));
        Assert.True(stored.GetProperty("success").GetBoolean(), stored.Str("message"));
        Assert.False(wrong.GetProperty("success").GetBoolean());
        Assert.Contains("invalid credentials", wrong.Str("message"), StringComparison.OrdinalIgnoreCase);
        Assert.False(unreachable.GetProperty("success").GetBoolean());
        Assert.DoesNotContain("wrong-password", wrong.GetRawText(), StringComparison.Ordinal);
    }

    [SlapdFact]
    public async Task TestAuthentication_ReturnsTheMappedAttributes_OrFailure()
    {
        await using var ldap = await LdapScenario.StartAsync();
        var ok = await ldap.Admin.PostJsonAsync("/api/v1/admin/identity/ldap/test-authentication", new { username = "Carol", password = "carol-pass-1" }, HttpStatusCode.OK);
        var wrong = await ldap.Admin.PostJsonAsync("/api/v1/admin/identity/ldap/test-authentication", new { username = "carol", password = "nope" }, HttpStatusCode.OK);
        var empty = await ldap.Admin.PostJsonAsync("/api/v1/admin/identity/ldap/test-authentication", new { username = "carol", password = "" }, HttpStatusCode.OK);

        Assert.True(ok.GetProperty("success").GetBoolean(), ok.Str("message"));
        var user = ok.GetProperty("user");
        Assert.Equal("carol", user.Str("username"));
        Assert.Equal("carol@ldap.example.org", user.Str("email"));
        Assert.Equal("Carol", user.Str("firstName"));
        Assert.Equal("SERVICE_ACCOUNT", user.Str("type"));
        Assert.False(wrong.GetProperty("success").GetBoolean());
        Assert.False(empty.GetProperty("success").GetBoolean());
    }

    [SlapdFact]
    public async Task LdapRoutes_NeedIamManager_AndReadOnlyAdminMayRead()
    {
        await using var ldap = await LdapScenario.StartAsync();
        var plainId = await ldap.Admin.CreateUserAsync(Identities.Unique("plain"));
        var readerName = Identities.Unique("reader");
        var readerId = await ldap.Admin.CreateUserAsync(readerName);
        await ldap.Admin.PutJsonAsync($"/api/v1/admin/identity/users/{readerId}/roles", new { roles = new[] { "READ_ONLY_ADMIN" } }, HttpStatusCode.OK);
        var plain = await ldap.Admin.GetJsonAsync($"/api/v1/admin/identity/users/{plainId}");
        using var plainClient = await ldap.Platform.LoginAsync(plain.Str("username"), Identities.Password);
        using var reader = await ldap.Platform.LoginAsync(readerName, Identities.Password);

        await plainClient.GetJsonAsync("/api/v1/admin/identity/ldap", HttpStatusCode.Forbidden);
        await reader.GetJsonAsync("/api/v1/admin/identity/ldap");
        await reader.GetJsonAsync("/api/v1/admin/identity/ldap/sync-status");
        await reader.PostJsonAsync("/api/v1/admin/identity/ldap/sync", new { includeGroups = false }, HttpStatusCode.Forbidden);
        await reader.PutJsonAsync("/api/v1/admin/identity/ldap", ldap.Config(), HttpStatusCode.Forbidden);
    }

    internal static Dictionary<string, object?> Merge(object baseline, object changes)
    {
        var result = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(System.Text.Json.JsonSerializer.Serialize(baseline))!;
        foreach (var (key, value) in System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(System.Text.Json.JsonSerializer.Serialize(changes))!)
        {
            result[key] = value;
        }
        return result;
    }
}
