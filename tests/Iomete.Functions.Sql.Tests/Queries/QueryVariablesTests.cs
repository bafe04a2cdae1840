using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Sql.Tests.Queries;

public sealed class QueryVariablesTests
{
    [Fact]
    public void Apply_ReplacesEveryPlaceholder_WithOrWithoutSpaces()
    {
        var sql = QueryVariables.Apply("SELECT * FROM {{table}} WHERE d = '{{ day }}' AND x = {{table}}",
            new Dictionary<string, string> { ["table"] = "t1", ["day"] = "2024-01-01" });
        Assert.Equal("SELECT * FROM t1 WHERE d = '2024-01-01' AND x = t1", sql);
    }

    [Fact]
    public void Apply_WithoutPlaceholders_ReturnsTheTextUnchanged() =>
        Assert.Equal("SELECT '{' || '}'", QueryVariables.Apply("SELECT '{' || '}'", null));

    [Fact]
    public void Apply_WithMissingVariables_NamesAllOfThem()
    {
        var error = Assert.Throws<ValidationException>(() => QueryVariables.Apply("SELECT {{b}}, {{a}}, {{c}}", new Dictionary<string, string> { ["c"] = "1" }));
        Assert.Contains("a, b", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT {{a")]
    [InlineData("SELECT {{}}")]
    [InlineData("SELECT {{a b}}")]
    [InlineData("SELECT {{9}}")]
    public void Apply_WithMalformedPlaceholders_Throws400(string query) =>
        Assert.Throws<ValidationException>(() => QueryVariables.Apply(query, new Dictionary<string, string> { ["a"] = "1" }));
}
