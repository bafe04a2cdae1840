using System.Net;

namespace Iomete.Functions.Catalog.Tests.Classifications;

public sealed class ClassificationTagTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Tags = "/api/v1/admin/governance/classification-tags";

    [Fact]
    public async Task Tags_AreCreated_ReadByIdAndName_Updated_AndDeleted()
    {
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Tags, new { name = "Finance", description = "Money" });
        Assert.Equal("Finance", created.Str("name"));
        Assert.Equal(0, created.GetProperty("usageCount").GetInt64());
        var id = created.Str("id");
        Assert.Equal(id, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/{id}")).Str("id"));
        Assert.Equal(id, (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/name/finance")).Str("id"));
        Assert.Empty((await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}/name/Finance/assets")).GetProperty("items").EnumerateArray());
        Assert.Contains((await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Tags}?search=fin")).GetProperty("items").EnumerateArray(),
            t => t.Str("id") == id);

        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{Tags}/{id}", new { description = "Revenue and cost", version = 1 });
        Assert.Equal("Revenue and cost", updated.Str("description"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, $"{Tags}/{id}", new { description = "stale", version = 1 });

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Tags}/{id}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{Tags}/{id}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Tags}/{id}");
    }

    [Fact]
    public async Task Names_AreUniqueRegardlessOfCase_AndValidated()
    {
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Tags, new { name = "Health" });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, Tags, new { name = "HEALTH" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Tags, new { name = "has space" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Tags, new { description = "no name" });
        await fixture.Admin.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Tags, new { name = new string('a', 129) });
    }

    [Fact]
    public async Task OnlyGovernors_ManageTags_ButDomainMembersListThem()
    {
        await fixture.Ed.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, Tags, new { name = "Sneaky" });
        await fixture.Ed.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Tags);
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Tags, new { name = "Public" });
        var listed = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/domains/default/governance/classification-tags?limit=1000");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.Str("name") == "Public");
        await fixture.Nobody.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/domains/default/governance/classification-tags");
    }
}
