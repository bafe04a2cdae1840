using Iomete.Functions.Identity.Scim;

namespace Iomete.Functions.Identity.Tests.Scim;

public sealed class ScimFilterTests
{
    [Fact]
    public void Parse_GivesAndPrecedenceOverOr_AndHonoursParenthesesAndNot()
    {
        var filter = ScimFilter.Parse("userName eq \"a\" or title pr and not (active eq false)");

        var or = Assert.IsType<ScimOr>(filter);
        Assert.Equal(new ScimCompare("username", "eq", "a"), or.Left);
        var and = Assert.IsType<ScimAnd>(or.Right);
        Assert.Equal(new ScimPresent("title"), and.Left);
        Assert.Equal(new ScimNot(new ScimCompare("active", "eq", false)), and.Right);
    }

    [Fact]
    public void Parse_ReadsEscapesSchemaPrefixesAndValuePaths()
    {
        Assert.Equal(new ScimCompare("username", "eq", "a\"b"), ScimFilter.Parse("urn:ietf:params:scim:schemas:core:2.0:User:userName EQ \"a\\\"b\""));
        Assert.Equal(new ScimValuePath("emails", new ScimCompare("type", "eq", "work")), ScimFilter.Parse("emails[type eq \"work\"]"));
        Assert.Equal(new ScimCompare("meta.lastmodified", "gt", "2020-01-01T00:00:00Z"), ScimFilter.Parse("meta.lastModified gt \"2020-01-01T00:00:00Z\""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("userName")]
    [InlineData("userName eq \"a")]
    [InlineData("userName eq \"a\" and")]
    [InlineData("not userName eq \"a\"")]
    [InlineData("userName xx \"a\"")]
    public void Parse_OfABadFilter_ThrowsInvalidFilter(string text)
    {
        var error = Assert.Throws<ScimException>(() => ScimFilter.Parse(text));
        Assert.Equal(400, error.Status);
        Assert.Equal("SCIM_invalidFilter", error.ErrorCode);
    }
}
