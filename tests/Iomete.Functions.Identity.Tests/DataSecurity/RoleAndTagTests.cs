using System.Net;
using Iomete.Functions.Identity.DataSecurity.Tags;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class RoleAndTagTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private HttpClient Admin => fixture.Admin;

    private static object Role(string name, string[]? users = null, string[]? groups = null, string[]? roles = null, long? version = null) => new
    {
        name,
        description = "test role",
        users = (users ?? []).Select(u => new { name = u, isAdmin = false }),
        groups = (groups ?? []).Select(g => new { name = g, isAdmin = false }),
        roles = (roles ?? []).Select(r => new { name = r, isAdmin = false }),
        version,
    };

    [Fact]
    public async Task Roles_Crud_WithNestedRoles()
    {
        var inner = Identities.Unique("inner");
        var outer = Identities.Unique("outer");
        var innerRole = await Admin.PostJsonAsync($"{Base}/roles", Role(inner, users: ["alice"]), HttpStatusCode.Created);
        var outerRole = await Admin.PostJsonAsync($"{Base}/roles", Role(outer, groups: ["analysts"], roles: [inner]), HttpStatusCode.Created);
        Assert.Equal(inner, outerRole.GetProperty("roles")[0].Str("name"));
        await Admin.PostJsonAsync($"{Base}/roles", Role(inner), HttpStatusCode.Conflict);

        var fetched = await Admin.GetJsonAsync($"{Base}/roles/{innerRole.Id()}");
        Assert.Equal("alice", fetched.GetProperty("users")[0].Str("name"));
        Assert.Contains(outer, (await Admin.GetJsonAsync($"{Base}/roles?search={outer}")).Names());

        var updated = await Admin.PutJsonAsync($"{Base}/roles/{innerRole.Id()}", Role(inner, users: ["alice", "bob"], version: 1), HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("users").GetArrayLength());
        await Admin.PutJsonAsync($"{Base}/roles/{innerRole.Id()}", Role(inner, version: 1), HttpStatusCode.Conflict);

        // Still a member of outer: cannot go.
        await Admin.DeleteAsync($"{Base}/roles/{innerRole.Id()}", HttpStatusCode.Conflict);
        await Admin.DeleteAsync($"{Base}/roles/{outerRole.Id()}", HttpStatusCode.NoContent);
        await Admin.DeleteAsync($"{Base}/roles/{innerRole.Id()}", HttpStatusCode.NoContent);
        await Admin.GetJsonAsync($"{Base}/roles/{innerRole.Id()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Roles_RejectCyclesUnknownNestedRolesAndBadNames()
    {
        var a = Identities.Unique("ra");
        var b = Identities.Unique("rb");
        var roleA = await Admin.PostJsonAsync($"{Base}/roles", Role(a), HttpStatusCode.Created);
        await Admin.PostJsonAsync($"{Base}/roles", Role(b, roles: [a]), HttpStatusCode.Created);

        var cycle = await Admin.PutJsonAsync($"{Base}/roles/{roleA.Id()}", Role(a, roles: [b]), HttpStatusCode.BadRequest);
        Assert.Contains("roles", cycle.ErrorFields());
        var self = await Admin.PutJsonAsync($"{Base}/roles/{roleA.Id()}", Role(a, roles: [a]), HttpStatusCode.BadRequest);
        Assert.Contains("roles", self.ErrorFields());
        var unknown = await Admin.PostJsonAsync($"{Base}/roles", Role(Identities.Unique("rc"), roles: ["no-such-role"]), HttpStatusCode.BadRequest);
        Assert.Contains("roles", unknown.ErrorFields());
        var badName = await Admin.PostJsonAsync($"{Base}/roles", Role("bad name"), HttpStatusCode.BadRequest);
        Assert.Contains("name", badName.ErrorFields());
    }

    [Fact]
    public async Task ResourceTags_PutListDelete_AndTheTagSourceSeesChangesAtOnce()
    {
        var table = Identities.Unique("customers").Replace('-', '_');
        var source = fixture.Platform.Services.GetRequiredService<IResourceTagSource>();
        Assert.Empty(await source.TagsForTableAsync("spark_catalog", "crm", table, CancellationToken.None));

        var put = await Admin.PutJsonAsync($"{Base}/resource-tags",
            new { catalog = "spark_catalog", database = "CRM", table, column = "email", tags = new[] { "PII", "EMAIL" } }, HttpStatusCode.OK);
        Assert.Equal("crm", put.Str("database"));
        await Admin.PutJsonAsync($"{Base}/resource-tags", new { catalog = "spark_catalog", database = "crm", table, tags = new[] { "CONFIDENTIAL" } },
            HttpStatusCode.OK);

        var tags = await source.TagsForTableAsync("spark_catalog", "crm", table.ToUpperInvariant(), CancellationToken.None);
        Assert.Equal(2, tags.Count);
        Assert.Contains(tags, t => t.Column is null && t.Tags.SequenceEqual(["CONFIDENTIAL"]));
        Assert.Contains(tags, t => t.Column == "email" && t.Tags.SequenceEqual(["PII", "EMAIL"]));

        var listed = await Admin.GetJsonAsync($"{Base}/resource-tags?table={table}&tag=pii");
        Assert.Equal(1, listed.GetProperty("total").GetInt64());
        Assert.Equal("email", listed.GetProperty("items")[0].Str("column"));

        await Admin.DeleteAsync($"{Base}/resource-tags?catalog=spark_catalog&database=crm&table={table}&column=email", HttpStatusCode.NoContent);
        await Admin.DeleteAsync($"{Base}/resource-tags?catalog=spark_catalog&database=crm&table={table}&column=email", HttpStatusCode.NotFound);
        var after = await source.TagsForTableAsync("spark_catalog", "crm", table, CancellationToken.None);
        Assert.Null(Assert.Single(after).Column);

        // An empty list removes the assignment.
        await Admin.PutJsonAsync($"{Base}/resource-tags", new { catalog = "spark_catalog", database = "crm", table, tags = Array.Empty<string>() },
            HttpStatusCode.NoContent);
        Assert.Empty(await source.TagsForTableAsync("spark_catalog", "crm", table, CancellationToken.None));

        var bad = await Admin.PutJsonAsync($"{Base}/resource-tags", new { catalog = "", database = "crm", tags = new[] { "has space" } },
            HttpStatusCode.BadRequest);
        Assert.Equal(["catalog", "table", "tags"], bad.ErrorFields().Order().ToList());
    }
}
