using Iomete.Functions.Identity.Domains;

namespace Iomete.Functions.Identity.Tests.Domains;

public sealed class DomainRulesTests
{
    [Theory]
    [InlineData("sales", true)]
    [InlineData("sales-emea-2", true)]
    [InlineData("Sales", false)]
    [InlineData("sales_emea", false)]
    [InlineData("-sales", false)]
    [InlineData("sales-", false)]
    [InlineData("", false)]
    public void DomainIds_AreLowercaseLettersDigitsAndInnerHyphens(string id, bool valid)
    {
        Assert.Equal(valid, DomainRules.IsValidId(id));
        Assert.False(DomainRules.IsValidId(new string('a', 64)));
        Assert.True(DomainRules.IsValidId(new string('a', 63)));
    }
}
