using System.Net;
using static Iomete.Functions.Catalog.Tests.CatalogFixture;

namespace Iomete.Functions.Catalog.Tests.Favorites;

public sealed class FavoriteTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Url = "/api/v1/domains/default/data-catalog/favorites";

    [Fact]
    public async Task Adding_IsIdempotent_AndListedPerUser()
    {
        var first = await fixture.Ed.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Url, new { catalog = "spark_catalog", database = "cat", table = "orders" });
        var again = await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Url, new { catalog = "spark_catalog", database = "cat", table = "orders" });
        Assert.Equal(first.Str("id"), again.Str("id"));

        var mine = await fixture.Ed.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Url);
        Assert.Equal(50, mine.GetProperty("limit").GetInt32());
        Assert.Single(mine.GetProperty("items").EnumerateArray(), f => f.Str("table") == "orders");
        var others = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Url);
        Assert.DoesNotContain(others.GetProperty("items").EnumerateArray(), f => f.Str("id") == first.Str("id"));

        // Another user cannot remove it.
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Url}/{first.Str("id")}");
        await fixture.Ed.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Url}/{first.Str("id")}");
        await fixture.Ed.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Url}/{first.Str("id")}");
    }

    [Fact]
    public async Task Favorites_ArePaged_AndRemovableByTable()
    {
        foreach (var table in new[] { "orders", "events", "big_orders" })
        {
            await fixture.Ana.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Url, new { catalog = "spark_catalog", database = "cat", table });
        }
        var page = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Url}?limit=2&offset=0");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal("big_orders", page.GetProperty("items")[0].Str("table")); // newest first
        var rest = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Url}?limit=2&offset=2");
        Assert.Single(rest.GetProperty("items").EnumerateArray());

        await fixture.Ana.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"{Url}?catalog=spark_catalog&database=cat&table=events");
        await fixture.Ana.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"{Url}?catalog=spark_catalog&database=cat&table=events");
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Delete, $"{Url}?catalog=spark_catalog");
        Assert.Equal(2, (await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Url)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Adding_ValidatesTheBody_AndTheTable()
    {
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, Url, new { catalog = "spark_catalog", database = "cat" });
        await fixture.Ana.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{Url}?limit=0");
        await fixture.Ana.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, Url, new { catalog = "spark_catalog", database = "cat", table = "nope" });
        var (status, text, response) = await fixture.Ana.SendRawAsync(HttpMethod.Post, Url, new { catalog = "spark_catalog", database = "cat", table = "secret" });
        response.Dispose();
        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)status} {text}");
        await fixture.Nobody.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Url);
    }
}
