using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using static Iomete.Functions.IcebergRest.Tests.Support.IcebergFixture;

namespace Iomete.Functions.IcebergRest.Tests.Namespaces;

public sealed class NamespaceApiTests(IcebergFixture fixture) : IClassFixture<IcebergFixture>
{
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task CreateNamespace_WithProperties_ReturnsThemAndLoadShowsThem()
    {
        var name = Unique("ns");
        var created = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(),
            new { @namespace = new[] { name }, properties = new Dictionary<string, string> { ["owner"] = "alice", ["location"] = "s3://b/x" } });
        Assert.Equal([name], created.GetProperty("namespace").Strings());
        Assert.Equal("alice", created.GetProperty("properties").GetProperty("owner").GetString());

        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}/{Ns(name)}");
        Assert.Equal([name], loaded.GetProperty("namespace").Strings());
        Assert.Equal("s3://b/x", loaded.GetProperty("properties").GetProperty("location").GetString());
    }

    [Fact]
    public async Task CreateNamespace_WithoutProperties_LoadsAnEmptyObject()
    {
        var name = Unique("ns");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}/{Ns(name)}");
        Assert.Empty(loaded.GetProperty("properties").EnumerateObject());
    }

    [Fact]
    public async Task CreateNamespace_Twice_Returns409AlreadyExists()
    {
        var name = Unique("ns");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "AlreadyExistsException", HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
    }

    [Fact]
    public async Task CreateNamespace_UnderAMissingParent_Returns404NoSuchNamespace()
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Post, NsRoot(),
            new { @namespace = new[] { Unique("missing"), "child" } });
    }

    [Theory]
    [InlineData("""{"namespace":[]}""")]
    [InlineData("""{"namespace":["a",""]}""")]
    [InlineData("""{"namespace":["a\u0001b"]}""")]
    [InlineData("""{"namespace":["a\u001fb"]}""")]
    [InlineData("""{"namespace":"a"}""")]
    [InlineData("""{"properties":{}}""")]
    [InlineData("""{"namespace":["a"],"properties":{"k":1}}""")]
    [InlineData("""{"namespace":["a"]""")]
    public async Task CreateNamespace_WithAnInvalidBody_Returns400BadRequest(string body)
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Post, NsRoot(), body);
    }

    [Fact]
    public async Task MultiLevelNamespaces_AreCreatedLoadedAndListedUnderTheirParent()
    {
        var top = Unique("top");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top } });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top, "b" } });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top, "a" } });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top, "a", "deep" } });

        var children = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}?parent={Ns(top)}");
        Assert.Equal([$"{top}.a", $"{top}.b"], children.NamespaceList());
        var grandChildren = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}?parent={Ns(top, "a")}");
        Assert.Equal([$"{top}.a.deep"], grandChildren.NamespaceList());
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}/{Ns(top, "a", "deep")}");
        Assert.Equal([top, "a", "deep"], loaded.GetProperty("namespace").Strings());

        var topLevel = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, NsRoot());
        Assert.Contains(top, topLevel.NamespaceList());
        Assert.DoesNotContain($"{top}.a", topLevel.NamespaceList());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, topLevel.GetProperty("next-page-token").ValueKind);
    }

    [Fact]
    public async Task ListNamespaces_OfAMissingParent_Returns404NoSuchNamespace()
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Get, $"{NsRoot()}?parent={Ns(Unique("missing"))}");
    }

    [Fact]
    public async Task ListNamespaces_WithPageToken_PagesThroughAllChildrenInOrder()
    {
        var top = Unique("paged");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top } });
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top, $"c{i}" } });
            expected.Add($"{top}.c{i}");
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        while (token is not null)
        {
            var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
                $"{NsRoot()}?parent={Ns(top)}&pageSize=2&pageToken={Uri.EscapeDataString(token)}");
            Assert.True(page.GetProperty("namespaces").GetArrayLength() <= 2);
            seen.AddRange(page.NamespaceList());
            token = page.GetProperty("next-page-token").GetString();
            pages++;
        }
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);

        var unpaged = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}?parent={Ns(top)}&pageSize=2");
        Assert.Equal(expected, unpaged.NamespaceList());
    }

    [Theory]
    [InlineData("pageToken=&pageSize=0")]
    [InlineData("pageToken=&pageSize=x")]
    [InlineData("pageToken=%21%21%21")]
    public async Task ListNamespaces_WithBadPagination_Returns400(string query)
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Get, $"{NsRoot()}?{query}");
    }

    [Fact]
    public async Task NamespaceExists_Answers204ForAnExistingAnd404ForAMissingNamespace()
    {
        var name = Unique("ns");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        using var present = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{NsRoot()}/{Ns(name)}"));
        Assert.Equal(HttpStatusCode.NoContent, present.StatusCode);
        using var missing = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{NsRoot()}/{Ns(Unique("missing"))}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task LoadNamespace_Missing_Returns404NoSuchNamespace()
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Get, $"{NsRoot()}/{Ns(Unique("missing"))}");
    }

    [Theory]
    [InlineData("a%1F%1Fb")]
    [InlineData("a%1F")]
    [InlineData("a%01b")]
    public async Task NamespacePath_WithAnEmptyLevelOrControlCharacter_Returns400(string segment)
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.BadRequest, "BadRequestException", HttpMethod.Get, $"{NsRoot()}/{segment}");
    }

    [Fact]
    public async Task DropNamespace_RemovesIt_ThenItIsGone()
    {
        var name = Unique("ns");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{Ns(name)}");
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Get, $"{NsRoot()}/{Ns(name)}");
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Delete, $"{NsRoot()}/{Ns(name)}");
    }

    [Fact]
    public async Task DropNamespace_WithAChild_Returns409NamespaceNotEmpty()
    {
        var top = Unique("ns");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top } });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top, "child" } });
        await Admin.ExpectErrorAsync(HttpStatusCode.Conflict, "NamespaceNotEmptyException", HttpMethod.Delete, $"{NsRoot()}/{Ns(top)}");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{Ns(top, "child")}");
        await Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{NsRoot()}/{Ns(top)}");
    }

    [Fact]
    public async Task UpdateProperties_SetsAndRemoves_AndReportsMissingRemovals()
    {
        var name = Unique("ns");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(),
            new { @namespace = new[] { name }, properties = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } });
        var result = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{NsRoot()}/{Ns(name)}/properties",
            new { removals = new[] { "a", "zz" }, updates = new Dictionary<string, string> { ["b"] = "3", ["c"] = "4" } });
        Assert.Equal(["b", "c"], result.GetProperty("updated").Strings().Order());
        Assert.Equal(["a"], result.GetProperty("removed").Strings());
        Assert.Equal(["zz"], result.GetProperty("missing").Strings());

        var properties = (await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}/{Ns(name)}")).GetProperty("properties");
        Assert.Equal(["b=3", "c=4"], properties.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").Order());
    }

    [Fact]
    public async Task UpdateProperties_WithAKeyBothRemovedAndUpdated_Returns422()
    {
        var name = Unique("ns");
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { name } });
        await Admin.ExpectErrorAsync((HttpStatusCode)422, "UnprocessableEntityException", HttpMethod.Post, $"{NsRoot()}/{Ns(name)}/properties",
            new { removals = new[] { "a" }, updates = new Dictionary<string, string> { ["a"] = "1" } });
    }

    [Fact]
    public async Task UpdateProperties_OfAMissingNamespace_Returns404NoSuchNamespace()
    {
        await Admin.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchNamespaceException", HttpMethod.Post, $"{NsRoot()}/{Ns(Unique("missing"))}/properties",
            new { updates = new Dictionary<string, string> { ["a"] = "1" } });
    }

    [Fact]
    public async Task NamespaceLevels_MayHoldDotsAndSpaces_BecauseTheSeparatorIs0x1F()
    {
        var top = Unique("dot") + ".with dots";
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top } });
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, NsRoot(), new { @namespace = new[] { top, "x.y" } });
        var loaded = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}/{Ns(top, "x.y")}");
        Assert.Equal([top, "x.y"], loaded.GetProperty("namespace").Strings());
        var children = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{NsRoot()}?parent={Ns(top)}");
        Assert.Equal([[top, "x.y"]], children.GetProperty("namespaces").EnumerateArray().Select(n => n.Strings()));
    }

    [Fact]
    public async Task AnAccessTokenInXApiToken_IsAccepted()
    {
        using var client = fixture.Platform.WithApiToken(await fixture.AdminAccessTokenAsync());
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, NsRoot());
    }
}
