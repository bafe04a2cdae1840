using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Platform.Tests.Http;

public sealed class ListQueryTests
{
    private static readonly Dictionary<string, string> Sortable = new()
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
    };

    [Fact]
    public void From_AnEmptyQuery_UsesTheDefaults()
    {
        var query = ListQuery.From(Request(""), Sortable, "name");

        Assert.Equal(new ListQuery(0, 100, "name", false, null), query);
        Assert.Equal("name ASC", query.OrderBy);
    }

    [Fact]
    public void From_AFullQuery_ReadsEveryPart()
    {
        var query = ListQuery.From(Request("?offset=20&limit=5&sort=-createdAt&search=%20Sales%20"), Sortable, "name");

        Assert.Equal(new ListQuery(20, 5, "created_ms", true, "Sales"), query);
        Assert.Equal("created_ms DESC", query.OrderBy);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?limit=1.5", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?offset=99999999999", "offset")]
    [InlineData("?sort=password", "sort")]
    [InlineData("?sort=created_ms", "sort")]
    public void From_ABadValue_Is400NamingTheParameter(string queryString, string field)
    {
        var ex = Assert.Throws<ValidationException>(() => ListQuery.From(Request(queryString), Sortable, "name"));

        Assert.Equal(400, ex.Status);
        Assert.Equal([field], ex.Errors!.Keys);
    }

    [Fact]
    public void SearchPattern_EscapesLikeWildcards_AndLowercases()
    {
        var query = ListQuery.From(Request("?search=50%25_Off%5C"), Sortable, "name");

        Assert.Equal("%50\\%\\_off\\\\%", query.SearchPattern);
    }

    private static HttpRequest Request(string queryString)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(queryString);
        return context.Request;
    }
}
