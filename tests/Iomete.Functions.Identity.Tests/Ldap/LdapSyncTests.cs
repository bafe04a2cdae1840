using System.Net;
using System.Text.Json;
using Iomete.Functions.Identity.Ldap;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.Ldap;

public sealed class LdapSyncTests
{
    [SlapdFact]
    public async Task Sync_ImportsUsersInPages_WithNestedGroupsAndServiceAccounts()
    {
        await using var ldap = await LdapScenario.StartAsync(bulkUsers: 250, pageSize: 100);
        await ldap.Admin.CreateUserAsync("local");

        var counts = await ldap.SyncAsync();

        // 250 bulk + alice, bob, carol; "local" is a local user and is never taken over.
        Assert.Equal(254, counts.GetProperty("usersFound").GetInt32());
        Assert.Equal(253, counts.GetProperty("usersCreated").GetInt32());
        Assert.Equal(1, counts.GetProperty("usersSkipped").GetInt32());
        Assert.Equal(2, counts.GetProperty("groupsCreated").GetInt32());
        Assert.Equal(3, counts.GetProperty("membershipsAdded").GetInt32());
        var bulk = await ldap.FindUserAsync("bulk0250");
        Assert.NotNull(bulk);
        Assert.Equal("LDAP", bulk.Value.Str("origin"));
        Assert.Equal("bulk0250@ldap.example.org", bulk.Value.Str("email"));
        Assert.Equal("SERVICE_ACCOUNT", (await ldap.FindUserAsync("carol"))!.Value.Str("type"));
        Assert.Equal("IOMETE", (await ldap.FindUserAsync("local"))!.Value.Str("origin"));

        var engineers = await ldap.GroupIdAsync("engineers");
        var platform = await ldap.GroupIdAsync("platform");
        var engineerMembers = await ldap.Admin.GetJsonAsync($"/api/v1/admin/identity/groups/{engineers}/members");
        var engineerSubgroups = await ldap.Admin.GetJsonAsync($"/api/v1/admin/identity/groups/{engineers}/subgroups");
        var platformMembers = await ldap.Admin.GetJsonAsync($"/api/v1/admin/identity/groups/{platform}/members");
        Assert.Equal(["alice"], engineerMembers.GetProperty("items").EnumerateArray().Select(u => u.Str("username")));
        Assert.Equal(["platform"], engineerSubgroups.GetProperty("items").EnumerateArray().Select(g => g.Str("name")));
        Assert.Equal(["bob"], platformMembers.GetProperty("items").EnumerateArray().Select(u => u.Str("username")));
        Assert.Equal("LDAP", (await ldap.Admin.GetJsonAsync($"/api/v1/admin/identity/groups/{engineers}")).Str("origin"));

        var again = await ldap.SyncAsync();
        Assert.Equal(0, again.GetProperty("usersCreated").GetInt32());
        Assert.Equal(0, again.GetProperty("usersUpdated").GetInt32());
        Assert.Equal(0, again.GetProperty("membershipsAdded").GetInt32());

        var status = await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/ldap/sync-status");
        Assert.Equal("SUCCEEDED", status.Str("outcome"));
        Assert.False(status.GetProperty("running").GetBoolean());
        Assert.Equal(254, status.GetProperty("counts").GetProperty("usersFound").GetInt32());
    }

    [SlapdFact]
    public async Task Sync_DisablesUsersGoneFromLdap_AndRestoresThemWhenBack()
    {
        await using var ldap = await LdapScenario.StartAsync();
        await ldap.SyncAsync();
        using var bobSession = await ldap.Platform.LoginAsync("bob", "bob-pass-1");

        await ldap.Slapd.ModifyAsync($"dn: cn=platform,{LdapScenario.Groups}\nchangetype: delete\n\ndn: uid=bob,{LdapScenario.People}\nchangetype: delete\n");
        var removed = await ldap.SyncAsync();

        Assert.Equal(1, removed.GetProperty("usersDisabled").GetInt32());
        Assert.Equal(1, removed.GetProperty("groupsRemoved").GetInt32());
        Assert.Equal("DISABLED", (await ldap.FindUserAsync("bob"))!.Value.Str("status"));
        await bobSession.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        var groups = await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/groups?search=platform");
        Assert.Equal(0, groups.GetProperty("total").GetInt32());

        var bob = LdapScenario.Person("bob", "bob-pass-1").Split('\n', 2);
        await ldap.Slapd.ModifyAsync(bob[0] + "\nchangetype: add\n" + bob[1]);
        var back = await ldap.SyncAsync();

        Assert.Equal(1, back.GetProperty("usersRestored").GetInt32());
        Assert.Equal("ACTIVE", (await ldap.FindUserAsync("bob"))!.Value.Str("status"));
        using var again = await ldap.Platform.LoginAsync("bob", "bob-pass-1");
    }

    [SlapdFact]
    public async Task Sync_WhileAnotherSyncHoldsTheLease_Returns409()
    {
        await using var ldap = await LdapScenario.StartAsync();
        var state = ldap.Platform.Services.GetRequiredService<LdapSyncState>();
        Assert.True(await state.TryClaimAsync("other-replica", "PERIODIC", dueOnly: false, CancellationToken.None));

        var conflict = await ldap.Admin.PostJsonAsync("/api/v1/admin/identity/ldap/sync", new { includeGroups = true }, HttpStatusCode.Conflict);
        var status = await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/ldap/sync-status");

        Assert.Contains("already running", conflict.Str("detail"), StringComparison.Ordinal);
        Assert.True(status.GetProperty("running").GetBoolean());
        await state.FinishAsync("other-replica", new LdapSyncCounts(), null, TimeSpan.FromDays(1), CancellationToken.None);
        await ldap.SyncAsync();
    }

    [SlapdFact]
    public async Task PeriodicSync_RunsWhenDue()
    {
        await using var ldap = await LdapScenario.StartAsync();
        var state = ldap.Platform.Services.GetRequiredService<LdapSyncState>();
        await state.ScheduleAsync(TimeSpan.Zero, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement status;
        string? outcome;
        do
        {
            await Task.Delay(500);
            status = await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/ldap/sync-status");
            outcome = status.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        }
        while (outcome != "SUCCEEDED" && DateTime.UtcNow < deadline);

        Assert.Equal("SUCCEEDED", outcome);
        Assert.Equal("PERIODIC", status.Str("trigger"));
        Assert.NotNull(await ldap.FindUserAsync("alice"));
    }

    [SlapdFact]
    public async Task DeleteImported_RemovesLdapUsersAndGroupsOnly()
    {
        await using var ldap = await LdapScenario.StartAsync();
        await ldap.Admin.CreateUserAsync("local");
        await ldap.SyncAsync();

        var removed = await ldap.Admin.DeleteAsyncJson("/api/v1/admin/identity/ldap/imported", HttpStatusCode.OK);

        Assert.Equal(3, removed.GetProperty("usersDeleted").GetInt32());
        Assert.Equal(2, removed.GetProperty("groupsDeleted").GetInt32());
        Assert.Null(await ldap.FindUserAsync("alice"));
        Assert.NotNull(await ldap.FindUserAsync("local"));
    }

    [SlapdFact]
    public async Task Sync_WithUidMembership_ResolvesMembersByUsername()
    {
        await using var ldap = await LdapScenario.StartAsync();
        var config = LdapConfigTests.Merge(ldap.Config(), new
        {
            version = 1,
            groupSync = new
            {
                enabled = true, groupsDn = LdapScenario.Groups, objectClasses = new[] { "posixGroup" }, nameAttribute = "cn",
                membershipAttribute = "memberUid", membershipAttributeType = "UID", nestedGroups = false,
            },
        });
        await ldap.Admin.PutJsonAsync("/api/v1/admin/identity/ldap", config, HttpStatusCode.OK);

        var counts = await ldap.SyncAsync();

        Assert.Equal(1, counts.GetProperty("groupsCreated").GetInt32());
        var members = await ldap.Admin.GetJsonAsync($"/api/v1/admin/identity/groups/{await ldap.GroupIdAsync("ops")}/members");
        Assert.Equal(["alice", "carol"], members.GetProperty("items").EnumerateArray().Select(u => u.Str("username")).Order());
    }

    [SlapdFact(WithPostgres = true)]
    public async Task SyncLoginAndRemoval_OnPostgres()
    {
        await using var ldap = await LdapScenario.StartAsync(postgres: true);

        var counts = await ldap.SyncAsync();
        await ldap.Slapd.ModifyAsync($"dn: cn=platform,{LdapScenario.Groups}\nchangetype: delete\n\ndn: uid=bob,{LdapScenario.People}\nchangetype: delete\n");
        var removed = await ldap.SyncAsync();
        using var alice = await ldap.Platform.LoginAsync("alice", "alice-pass-1");
        var status = await ldap.Admin.GetJsonAsync("/api/v1/admin/identity/ldap/sync-status");
        var imported = await ldap.Admin.DeleteAsyncJson("/api/v1/admin/identity/ldap/imported", HttpStatusCode.OK);

        Assert.Equal(4, counts.GetProperty("usersCreated").GetInt32());
        Assert.Equal(2, counts.GetProperty("groupsCreated").GetInt32());
        Assert.Equal(1, removed.GetProperty("usersDisabled").GetInt32());
        Assert.Equal(1, removed.GetProperty("groupsRemoved").GetInt32());
        Assert.Equal("SUCCEEDED", status.Str("outcome"));
        Assert.Equal(4, imported.GetProperty("usersDeleted").GetInt32());
    }
}
