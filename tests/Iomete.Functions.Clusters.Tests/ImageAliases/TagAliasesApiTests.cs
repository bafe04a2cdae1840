using System.Net;
using Iomete.Functions.Clusters.ImageAliases;
using Iomete.Functions.Clusters.Tests.Secrets;
using Iomete.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Clusters.Tests.ImageAliases;

/// <summary>Global (configured) and domain docker tag aliases, and how image references resolve them.</summary>
public sealed class TagAliasesApiTests(NoDataPlaneSettingsFixture fixture) : IClassFixture<NoDataPlaneSettingsFixture>
{
    private static string Root(string domain) => $"/api/v1/domains/{domain}/docker/tag-aliases";

    private ImageReferences Images => fixture.Platform.Services.GetRequiredService<ImageReferences>();

    [Fact]
    public async Task DomainAliases_CrudAndUniqueness_NextToTheReadOnlyGlobalOnes()
    {
        var (domain, _) = await fixture.DomainAsync("tags");
        var initial = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain));
        Assert.Equal(["edge", "stable"], initial.Strings("alias"));
        Assert.All(initial.EnumerateArray(), a => Assert.Equal("GLOBAL", a.Str("scope")));

        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { alias = "team", value = "3.5.5-team" });
        Assert.Equal("DOMAIN", created.Str("scope"));
        var conflict = await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, Root(domain), new { alias = "team", value = "other" });
        Assert.Contains("team", conflict.Str("detail"), StringComparison.Ordinal);
        var (other, _) = await fixture.DomainAsync("tags2");
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(other), new { alias = "team", value = "other" });

        Assert.Equal("3.5.6", (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Root(domain)}/team", new { value = "3.5.6" })).Str("value"));
        Assert.Equal(["edge", "stable", "team"], (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain))).Strings("alias"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Root(domain)}/team");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Root(domain)}/team");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Put, $"{Root(domain)}/stable", new { value = "x" });
    }

    [Fact]
    public async Task Validation_OfAliasAndValue_Is400()
    {
        var (domain, _) = await fixture.DomainAsync("tagval");
        Assert.Equal(["alias"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain), new { alias = "a b", value = "v" })).ErrorFields());
        Assert.Equal(["value"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain), new { alias = "a", value = "-bad" })).ErrorFields());
        Assert.Equal(["value"], (await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Root(domain), new { alias = "a" })).ErrorFields());
    }

    [Fact]
    public async Task Permissions_AnonymousIs401_OutsiderIs403_MemberReads_WritesNeedManageSparkSettings()
    {
        var (domain, domainBundle) = await fixture.DomainAsync("tagperm");
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, Root(domain));
        var (_, outsider) = await fixture.UserAsync("outsider");
        await outsider.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Root(domain));
        var (memberId, member) = await fixture.UserAsync("member");
        await fixture.GrantAsync(domainBundle, memberId, "DOMAIN", "VIEW_SPARK_SETTINGS");
        await member.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Root(domain));
        await member.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Root(domain), new { alias = "a", value = "v" });
        await fixture.GrantAsync(domainBundle, memberId, "DOMAIN", "MANAGE_SPARK_SETTINGS");
        await member.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { alias = "a", value = "v" });
    }

    [Fact]
    public async Task Resolve_ReplacesAliases_DomainWinsOverGlobal_UnknownIs400()
    {
        var (domain, _) = await fixture.DomainAsync("resolve");
        Assert.Equal("iomete/spark-py:3.5.5-v1", await Images.ResolveAsync(domain, "iomete/spark-py:${stable}", CancellationToken.None));
        Assert.Equal("plain:1.0", await Images.ResolveAsync(domain, "plain:1.0", CancellationToken.None));

        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root(domain), new { alias = "stable", value = "3.5.5-domain" });
        Assert.Equal("iomete/spark-py:3.5.5-domain", await Images.ResolveAsync(domain, "iomete/spark-py:${stable}", CancellationToken.None));
        Assert.Equal("iomete/spark-py:3.5.5-v1", await Images.ResolveAsync("default", "iomete/spark-py:${stable}", CancellationToken.None));

        var unknown = await Assert.ThrowsAsync<ValidationException>(() => Images.ResolveAsync(domain, "repo:${nope}", CancellationToken.None));
        Assert.Contains("${nope}", unknown.Detail, StringComparison.Ordinal);
        Assert.Equal(["image"], unknown.Errors!.Keys);
    }
}
