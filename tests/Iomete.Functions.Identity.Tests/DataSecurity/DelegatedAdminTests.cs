using System.Net;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class DelegatedAdminTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private HttpClient Admin => fixture.Admin;

    private static object Policy(string name, string database, string table, params string[] accesses) => new
    {
        name,
        resources = new[] { new { databases = new[] { database }, tables = new[] { table }, columns = new[] { "*" } } },
        allowPolicyItems = new[] { new { users = new[] { "bob" }, accesses } },
    };

    [Fact]
    public async Task Delegate_MayManagePoliciesOnlyWithinTheDelegatedResourcesAndAccessTypes()
    {
        var (_, name, delegate_) = await fixture.UserWithRolesAsync("delegate");
        var db = Identities.Unique("sales").Replace('-', '_');
        await Admin.PostJsonAsync($"{Base}/access/policy", new
        {
            name = Identities.Unique("delegation"),
            resources = new[] { new { databases = new[] { $"spark_catalog.{db}" }, tables = new[] { "*" }, columns = new[] { "*" } } },
            allowPolicyItems = new[] { new { users = new[] { name }, accesses = new[] { "SELECT", "READ" }, delegateAdmin = true } },
        }, HttpStatusCode.Created);
        var wide = await Admin.PostJsonAsync($"{Base}/access/policy",
            Policy(Identities.Unique("wide"), $"spark_catalog.{db}", "orders", "SELECT", "INSERT"), HttpStatusCode.Created);

        using (delegate_)
        {
            var own = Identities.Unique("own");
            var created = await delegate_.PostJsonAsync($"{Base}/access/policy", Policy(own, $"spark_catalog.{db}", "orders", "SELECT"),
                HttpStatusCode.Created);
            await delegate_.PutJsonAsync($"{Base}/access/policy/{created.Id()}", Policy(own, $"spark_catalog.{db}", "orders", "SELECT", "READ"),
                HttpStatusCode.OK);
            // An access type beyond the delegation, another database, a wildcard wider than the delegation: refused.
            await delegate_.PutJsonAsync($"{Base}/access/policy/{created.Id()}", Policy(own, $"spark_catalog.{db}", "orders", "INSERT"),
                HttpStatusCode.Forbidden);
            await delegate_.PostJsonAsync($"{Base}/access/policy", Policy(Identities.Unique("hr"), "spark_catalog.hr", "people", "SELECT"),
                HttpStatusCode.Forbidden);
            await delegate_.PostJsonAsync($"{Base}/access/policy", Policy(Identities.Unique("all-db"), "spark_catalog.*", "*", "SELECT"),
                HttpStatusCode.Forbidden);
            // RANGER-5793: deleting or disabling a broader policy checks all of its access types.
            await delegate_.DeleteAsync($"{Base}/access/policy/{wide.Id()}", HttpStatusCode.Forbidden);
            await delegate_.PatchJsonAsync($"{Base}/access/policy/{wide.Id()}/policy-items", new
            {
                action = "REMOVE", allowPolicyItems = new[] { new { users = new[] { "bob" }, accesses = new[] { "SELECT", "INSERT" } } },
            }, HttpStatusCode.Forbidden);
            // Only resource access policies.
            await delegate_.PostJsonAsync($"{Base}/mask/policy", DataSecurityClients.MaskPolicy(Identities.Unique("m")), HttpStatusCode.Forbidden);

            await delegate_.DeleteAsync($"{Base}/access/policy/{created.Id()}", HttpStatusCode.NoContent);
        }
        await Admin.GetJsonAsync($"{Base}/access/policy/{wide.Id()}");
    }

    [Fact]
    public async Task DelegationThroughAGroupAndARangerRole_Counts_AndDisabledDelegationsDoNot()
    {
        var (userId, name, user) = await fixture.UserWithRolesAsync("via-role");
        var group = Identities.Unique("stewards");
        var groupId = await Admin.CreateGroupAsync(group);
        await Admin.AddMemberAsync(groupId, userId);
        var role = Identities.Unique("data-stewards");
        await Admin.PostJsonAsync($"{Base}/roles", new { name = role, groups = new[] { new { name = group } } }, HttpStatusCode.Created);
        var db = Identities.Unique("fin").Replace('-', '_');
        var delegation = await Admin.PostJsonAsync($"{Base}/access/policy", new
        {
            name = Identities.Unique("via"),
            resources = new[] { new { databases = new[] { $"spark_catalog.{db}" } , tables = new[] { "*" } } },
            allowPolicyItems = new[] { new { roles = new[] { role }, accesses = new[] { "ALL" }, delegateAdmin = true } },
        }, HttpStatusCode.Created);

        using (user)
        {
            var created = await user.PostJsonAsync($"{Base}/access/policy", Policy(Identities.Unique("x"), $"spark_catalog.{db}", "ledger", "INSERT"),
                HttpStatusCode.Created);
            await Admin.PatchJsonAsync($"{Base}/access/policy/{delegation.Id()}/resources",
                new { action = "MERGE", resources = new[] { new { databases = new[] { "spark_catalog.other" } } } }, HttpStatusCode.OK);
            var body = await Admin.GetJsonAsync($"{Base}/access/policy/{delegation.Id()}");
            await Admin.PutJsonAsync($"{Base}/access/policy/{delegation.Id()}", System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(
                body.GetRawText().Replace("\"isEnabled\":true", "\"isEnabled\":false", StringComparison.Ordinal))!, HttpStatusCode.OK);
            await user.DeleteAsync($"{Base}/access/policy/{created.Id()}", HttpStatusCode.Forbidden);
        }
    }
}
