using System.Globalization;
using System.Net;
using System.Text;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Ldap;

/// <summary>
/// A private slapd seeded with people (alice, bob, carol the service account, "local" who also exists as a local
/// user), optionally many bulk users, and groups engineers ⊃ platform ⊃ bob (nested), with a local platform whose LDAP
/// configuration points at it.
/// </summary>
internal sealed class LdapScenario : IAsyncDisposable
{
    public const string People = "ou=people," + SlapdServer.Suffix;
    public const string Groups = "ou=groups," + SlapdServer.Suffix;
    public const string ServiceDn = "uid=svc-iomete," + People;
    public const string ServicePassword = "service-secret-1";

    private LdapScenario(SlapdServer slapd, LocalPlatform platform, HttpClient admin)
    {
        Slapd = slapd;
        Platform = platform;
        Admin = admin;
    }

    public SlapdServer Slapd { get; }
    public LocalPlatform Platform { get; }
    public HttpClient Admin { get; }

    public static async Task<LdapScenario> StartAsync(int bulkUsers = 0, int pageSize = 500, bool configure = true, bool postgres = false)
    {
        var slapd = await SlapdServer.StartAsync(Seed(bulkUsers));
        var settings = postgres ? (await PostgresServer.SharedAsync()).Settings(PostgresServer.NewDatabasePrefix()) : [];
        settings["Iomete:Identity:MaxFailedLoginsPerIp"] = "1000";
        var platform = await LocalPlatform.StartAsync(settings);
        var admin = await platform.LoginAsync();
        var scenario = new LdapScenario(slapd, platform, admin);
        if (configure)
        {
            await admin.PutJsonAsync("/api/v1/admin/identity/ldap", scenario.Config(pageSize), HttpStatusCode.OK);
        }
        return scenario;
    }

    public object Config(int pageSize = 500, string? credential = ServicePassword, bool enabled = true) => new
    {
        connectionUrl = Slapd.Url,
        bindDn = ServiceDn,
        bindCredential = credential,
        usersDn = People,
        userObjectClasses = new[] { "inetOrgPerson" },
        userFilters = new[] { "(!(uid=svc-iomete))" },
        attributeMapping = new { username = "uid", email = "mail", firstName = "givenName", lastName = "sn" },
        serviceAccountMapping = new { attribute = "employeeType", value = "Service" },
        groupSync = new
        {
            enabled = true, groupsDn = Groups, objectClasses = new[] { "groupOfNames" }, nameAttribute = "cn",
            membershipAttribute = "member", membershipAttributeType = "DN", nestedGroups = true,
        },
        syncIntervalSeconds = 86400,
        pageSize,
        enabled,
    };

    public static string Person(string uid, string password, string? employeeType = null) => $"""
        dn: uid={uid},{People}
        objectClass: inetOrgPerson
        uid: {uid}
        cn: {uid} Person
        givenName: {char.ToUpperInvariant(uid[0])}{uid[1..]}
        sn: Person
        mail: {uid}@ldap.example.org
        userPassword: {password}
        {(employeeType is null ? "" : "employeeType: " + employeeType)}
        """.Trim() + "\n";

    private static string Seed(int bulkUsers)
    {
        var seed = new StringBuilder();
        seed.Append(CultureInfo.InvariantCulture, $"dn: {People}\nobjectClass: organizationalUnit\nou: people\n\n");
        seed.Append(CultureInfo.InvariantCulture, $"dn: {Groups}\nobjectClass: organizationalUnit\nou: groups\n\n");
        seed.Append(Person("svc-iomete", ServicePassword)).Append('\n');
        seed.Append(Person("alice", "alice-pass-1")).Append('\n');
        seed.Append(Person("bob", "bob-pass-1")).Append('\n');
        seed.Append(Person("carol", "carol-pass-1", "Service")).Append('\n');
        seed.Append(Person("local", "ldap-pass-of-local")).Append('\n');
        for (var i = 1; i <= bulkUsers; i++)
        {
            seed.Append(Person("bulk" + i.ToString("D4", CultureInfo.InvariantCulture), "bulk-pass")).Append('\n');
        }
        seed.Append(CultureInfo.InvariantCulture, $"dn: cn=platform,{Groups}\nobjectClass: groupOfNames\ncn: platform\nmember: uid=bob,{People}\n\n");
        seed.Append(CultureInfo.InvariantCulture, $"dn: cn=engineers,{Groups}\nobjectClass: groupOfNames\ncn: engineers\nmember: uid=alice,{People}\nmember: cn=platform,{Groups}\n\n");
        seed.Append(CultureInfo.InvariantCulture, $"dn: cn=ops,{Groups}\nobjectClass: posixGroup\ncn: ops\ngidNumber: 5000\nmemberUid: carol\nmemberUid: alice\n\n");
        return seed.ToString();
    }

    public async Task<System.Text.Json.JsonElement> SyncAsync(bool includeGroups = true) =>
        await Admin.PostJsonAsync("/api/v1/admin/identity/ldap/sync", new { includeGroups }, HttpStatusCode.OK);

    /// <summary>The user with this exact username, or null.</summary>
    public async Task<System.Text.Json.JsonElement?> FindUserAsync(string username)
    {
        var page = await Admin.GetJsonAsync($"/api/v1/admin/identity/users?search={username}&limit=100");
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            if (item.Str("username") == username)
            {
                return item;
            }
        }
        return null;
    }

    public async Task<string> GroupIdAsync(string name)
    {
        var page = await Admin.GetJsonAsync($"/api/v1/admin/identity/groups?search={name}");
        return page.GetProperty("items").EnumerateArray().Single(g => g.Str("name") == name).Str("id");
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Platform.DisposeAsync();
        await Slapd.DisposeAsync();
    }
}
