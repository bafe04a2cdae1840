using Iomete.Functions.Identity.Ldap;

namespace Iomete.Functions.Identity.Tests.Ldap;

public sealed class LdapFilterTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("*)(uid=*", "\\2a\\29\\28uid=\\2a")]
    [InlineData("a\\b", "a\\5cb")]
    [InlineData("a\u0000b", "a\\00b")]
    [InlineData("é", "\\c3\\a9")]
    public void Escape_EncodesFilterSpecialCharacters(string value, string expected) =>
        Assert.Equal(expected, LdapFilter.Escape(value));

    [Fact]
    public void Build_CombinesObjectClassesFiltersAndTheEscapedValue() =>
        Assert.Equal("(&(objectClass=inetOrgPerson)(!(uid=svc))(uid=\\2a))",
            LdapFilter.Build(["inetOrgPerson"], ["(!(uid=svc))"], "uid", "*"));

    [Theory]
    [InlineData("(uid=a)", true)]
    [InlineData("(&(a=b)(c=d))", true)]
    [InlineData("uid=a", false)]
    [InlineData("(a=b))(c=d", false)]
    [InlineData("(a=b)(c=d)", false)]
    [InlineData("((a=b)", false)]
    public void Problem_AcceptsOnlyOneParenthesizedFilter(string filter, bool valid) =>
        Assert.Equal(valid, LdapFilter.Problem(filter) is null);
}
