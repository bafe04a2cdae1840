using System.Net;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class PolicyAuthorizationTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private const string Manager = "DATA_SECURITY_AND_AUDIT_MANAGER";
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task ReadOnlyAdmin_CanReadPoliciesRolesTagsAndAudit_ButNotChangeThem()
    {
        var created = await Admin.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(Identities.Unique("ro")), HttpStatusCode.Created);
        var (_, _, reader) = await fixture.UserWithRolesAsync("reader", "READ_ONLY_ADMIN");
        using (reader)
        {
            await reader.GetJsonAsync($"{Base}/access/policy");
            await reader.GetJsonAsync($"{Base}/access/policy/{created.Id()}");
            await reader.GetJsonAsync($"{Base}/roles");
            await reader.GetJsonAsync($"{Base}/resource-tags");
            await reader.GetJsonAsync($"{Base}/audit");
            await reader.GetJsonAsync($"{Base}/export");
            await reader.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(Identities.Unique("no")), HttpStatusCode.Forbidden);
            await reader.PutJsonAsync($"{Base}/access/policy/{created.Id()}", DataSecurityClients.AccessPolicy("x"), HttpStatusCode.Forbidden);
            await reader.DeleteAsync($"{Base}/access/policy/{created.Id()}", HttpStatusCode.Forbidden);
            await reader.PostJsonAsync($"{Base}/roles", new { name = "x" }, HttpStatusCode.Forbidden);
            await reader.PostJsonAsync($"{Base}/import", Array.Empty<object>(), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task PlainUser_Gets403_OnEveryRoute_EvenWithAnInvalidBody()
    {
        var (_, _, user) = await fixture.UserWithRolesAsync("plain");
        using (user)
        {
            await user.GetJsonAsync($"{Base}/access/policy", HttpStatusCode.Forbidden);
            await user.GetJsonAsync($"{Base}/tag/mask/policy", HttpStatusCode.Forbidden);
            await user.PostJsonAsync($"{Base}/mask/policy", new { name = "!!" }, HttpStatusCode.Forbidden);
            await user.GetJsonAsync($"{Base}/audit", HttpStatusCode.Forbidden);
            await user.GetJsonAsync($"{Base}/export", HttpStatusCode.Forbidden);
        }
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.GetJsonAsync($"{Base}/access/policy", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DataSecurityManager_CanManagePolicies()
    {
        var (_, username, manager) = await fixture.UserWithRolesAsync("dsm", Manager);
        using (manager)
        {
            var created = await manager.PostJsonAsync($"{Base}/access/policy", DataSecurityClients.AccessPolicy(Identities.Unique("m")), HttpStatusCode.Created);
            Assert.Equal(username, created.Str("createdBy"));
            await manager.DeleteAsync($"{Base}/access/policy/{created.Id()}", HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task DomainRoutes_CheckDomainAccessFirst_ScopeListsAndHideOtherDomainsPolicies()
    {
        var (_, memberName, member) = await fixture.UserWithRolesAsync("member", Manager);
        var (_, _, outsider) = await fixture.UserWithRolesAsync("outsider", Manager);
        var domain = await fixture.DomainAsync("dsa", new { id = memberName, type = "USER" });
        var other = await fixture.DomainAsync("dsb");
        using (member)
        using (outsider)
        {
            // Not in the domain: 403 before the (invalid) body is looked at.
            var denied = await outsider.PostJsonAsync($"/api/v1/domains/{domain}/data-security/access/policy", new { name = "!!" }, HttpStatusCode.Forbidden);
            Assert.Equal("FORBIDDEN", denied.Str("errorCode"));
            await outsider.GetJsonAsync($"/api/v1/domains/{domain}/data-security/access/policy", HttpStatusCode.Forbidden);

            var name = Identities.Unique("in-domain");
            var created = await member.PostJsonAsync($"/api/v1/domains/{domain}/data-security/access/policy",
                DataSecurityClients.AccessPolicy(name), HttpStatusCode.Created);
            Assert.Equal(domain, created.Str("domain"));
            var inOther = await Admin.PostJsonAsync($"/api/v1/domains/{other}/data-security/mask/policy",
                DataSecurityClients.MaskPolicy(Identities.Unique("other-domain")), HttpStatusCode.Created);
            Assert.Equal(other, inOther.Str("domain"));

            Assert.Equal([name], (await member.GetJsonAsync($"/api/v1/domains/{domain}/data-security/access/policy")).Names());
            await member.GetJsonAsync($"/api/v1/domains/{domain}/data-security/access/policy/{created.Id()}");
            // Another domain's policy id is 404 here (no BOLA), whatever the verb.
            await member.GetJsonAsync($"/api/v1/domains/{domain}/data-security/mask/policy/{inOther.Id()}", HttpStatusCode.NotFound);
            await member.PutJsonAsync($"/api/v1/domains/{domain}/data-security/mask/policy/{inOther.Id()}",
                DataSecurityClients.MaskPolicy(inOther.Str("name")), HttpStatusCode.NotFound);
            await member.DeleteAsync($"/api/v1/domains/{domain}/data-security/mask/policy/{inOther.Id()}", HttpStatusCode.NotFound);
            await member.PatchJsonAsync($"/api/v1/domains/{domain}/data-security/mask/policy/{inOther.Id()}/resources",
                new { action = "REMOVE", resources = new[] { new { databases = new[] { "a.b" } } } }, HttpStatusCode.NotFound);
            // Admin routes see every domain's policies.
            var all = await Admin.GetJsonAsync($"{Base}/access/policy?search={name}");
            Assert.Equal([name], all.Names());

            await member.DeleteAsync($"/api/v1/domains/{domain}/data-security/access/policy/{created.Id()}", HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task DomainMemberWithoutTheAdminRole_IsForbidden()
    {
        var (_, name, user) = await fixture.UserWithRolesAsync("owner-only");
        var domain = await fixture.DomainAsync("dsc", new { id = name, type = "USER" });
        using (user)
        {
            await user.GetJsonAsync($"/api/v1/domains/{domain}/data-security/access/policy", HttpStatusCode.Forbidden);
            await user.PostJsonAsync($"/api/v1/domains/{domain}/data-security/access/policy",
                DataSecurityClients.AccessPolicy(Identities.Unique("x")), HttpStatusCode.Forbidden);
        }
    }
}
