using System.Net;
using Iomete.Functions.Clusters.Namespaces;
using Iomete.Functions.Clusters.Tests.Secrets;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.Namespaces;

/// <summary>Data-plane namespaces, their resource bundles, and who may deploy into them.</summary>
public sealed class NamespacesApiTests(NoDataPlaneSettingsFixture fixture) : IClassFixture<NoDataPlaneSettingsFixture>
{
    private const string Admin = "/api/v1/admin/namespaces";

    private NamespaceAccess Access => fixture.Platform.Services.GetRequiredService<NamespaceAccess>();

    private static Caller User(string id) => new(id, id, UserType.Person, false, new HashSet<AdminRole>(), new HashSet<string>(), null);

    [Fact]
    public async Task AdminList_ShowsEveryConfiguredNamespace_TheFirstAsDefault()
    {
        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Admin);

        Assert.Equal(SettingsFixture.Namespaces, list.Strings("name"));
        Assert.True(list[0].GetProperty("isDefault").GetBoolean());
        Assert.False(list[1].GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Permissions_AnonymousIs401_PlainUserIs403OnAdminRoutes_ReadOnlyAdminMayList()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Admin);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/domains/default/namespaces");
        var (_, plain) = await fixture.UserAsync("plain");
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Admin);
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{Admin}/team-a", new { resourceBundleId = "x" });
        var (_, readOnly) = await fixture.UserAsync("ro", "READ_ONLY_ADMIN");
        await readOnly.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Admin);
        await readOnly.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"{Admin}/team-a", new { resourceBundleId = "x" });
    }

    [Fact]
    public async Task MappingANamespace_LimitsItToHoldersOfUse_AndUnmappingOpensItAgain()
    {
        var (domain, domainBundle) = await fixture.DomainAsync("ns");
        var bundle = await fixture.BundleAsync(domain);
        var (memberId, member) = await fixture.UserAsync("member");
        await fixture.GrantAsync(domainBundle, memberId, "DOMAIN", "CREATE_COMPUTE");
        var domainList = $"/api/v1/domains/{domain}/namespaces";
        Assert.Equal(SettingsFixture.Namespaces, (await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, domainList)).Strings("name"));

        var mapped = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Admin}/team-a", new { resourceBundleId = bundle });
        Assert.Equal(bundle, mapped.GetProperty("resourceBundle").Str("resourceBundleId"));
        Assert.Equal(domain, mapped.GetProperty("resourceBundle").Str("domain"));
        var adminView = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Admin);
        Assert.Equal(bundle, adminView[1].GetProperty("resourceBundle").Str("resourceBundleId"));

        Assert.Equal(["iomete-system"], (await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, domainList)).Strings("name"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireUseAsync(User(memberId), domain, "team-a", CancellationToken.None));

        await fixture.GrantAsync(bundle, memberId, "NAMESPACE", "USE");
        Assert.Equal(SettingsFixture.Namespaces, (await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, domainList)).Strings("name"));
        Assert.Equal("team-a", await Access.RequireUseAsync(User(memberId), domain, "team-a", CancellationToken.None));

        var unmapped = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Admin}/team-a", new { resourceBundleId = (string?)null });
        Assert.False(unmapped.TryGetProperty("resourceBundle", out var rb) && rb.ValueKind != System.Text.Json.JsonValueKind.Null);
        var (outsiderId, _) = await fixture.UserAsync("outsider");
        await Assert.ThrowsAsync<ForbiddenException>(() => Access.RequireUseAsync(User(outsiderId), domain, "team-a", CancellationToken.None));
        Assert.Equal("team-a", await Access.RequireUseAsync(User(memberId), domain, "team-a", CancellationToken.None));
    }

    [Fact]
    public async Task RequireUse_OfAnUnknownNamespace_Is400ListingTheAllowedOnes_AndNoNameMeansTheDefault()
    {
        var problem = await Assert.ThrowsAsync<ValidationException>(() => Access.RequireUseAsync(User("admin"), "default", "elsewhere", CancellationToken.None));
        Assert.Contains("iomete-system, team-a", problem.Detail, StringComparison.Ordinal);
        var admin = new Caller("admin", "admin", UserType.Person, true, new HashSet<AdminRole>(), new HashSet<string>(), null);
        Assert.Equal("iomete-system", await Access.RequireUseAsync(admin, "default", null, CancellationToken.None));
    }

    [Fact]
    public async Task Mapping_Refuses_UnknownNamespaces_UnknownBundles_AndDomainBundles()
    {
        var (domain, domainBundle) = await fixture.DomainAsync("bad");
        Assert.Equal(["namespace"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Admin}/nowhere", new { resourceBundleId = "b" })).ErrorFields());
        Assert.Equal(["resourceBundleId"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Admin}/team-a", new { resourceBundleId = "no-such-bundle" })).ErrorFields());
        Assert.Equal(["resourceBundleId"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Put, $"{Admin}/team-a", new { resourceBundleId = domainBundle })).ErrorFields());
        _ = domain;
    }
}
