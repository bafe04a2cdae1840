using System.Net;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.NodeTypes;

/// <summary>Domain users read node types through their domain; they cannot reach the admin routes.</summary>
public sealed class DomainNodeTypeApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>
{
    [Fact]
    public async Task DomainMember_ListsNodeTypes_ButNotThroughAdminRoutes()
    {
        var (domain, bundle) = await fixture.DomainAsync("compute");
        var (memberId, member) = await fixture.UserWithIdAsync("member");
        await fixture.GrantDomainAsync(bundle, memberId, "CREATE_COMPUTE");
        using (member)
        {
            var executors = await member.GetJsonAsync($"/api/v1/domains/{domain}/node-types?availableFor=EXECUTOR");

            Assert.Equal(["exec-large", "exec-medium", "exec-small", "exec-x-large"], executors.Names());
            await member.GetJsonAsync("/api/v1/admin/node-types", HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Outsider_AndUnknownDomain_AreForbidden()
    {
        var (domain, _) = await fixture.DomainAsync("closed");
        using var outsider = await fixture.UserAsync("outsider");

        await outsider.GetJsonAsync($"/api/v1/domains/{domain}/node-types", HttpStatusCode.Forbidden);
        await fixture.Admin.GetJsonAsync("/api/v1/domains/no-such-domain/node-types", HttpStatusCode.Forbidden);
    }
}
