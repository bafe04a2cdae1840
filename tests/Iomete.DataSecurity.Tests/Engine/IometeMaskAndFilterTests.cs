using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;
using static Iomete.DataSecurity.Tests.Engine.Policies;

namespace Iomete.DataSecurity.Tests.Engine;

public sealed class IometeMaskAndFilterTests
{
    private static RangerPolicy Mask(long id, string name, string column, string type, string? valueExpr = null, int priority = 0, string[]? users = null) => new()
    {
        Id = id, Name = name, PolicyType = RangerPolicyTypes.DataMask, PolicyPriority = priority,
        Resources = On("spark_catalog.hr", "people", column),
        DataMaskPolicyItems = [new RangerDataMaskPolicyItem
        {
            Accesses = [new() { Type = "select" }], Users = [.. users ?? []], Groups = users is null ? ["public"] : [],
            DataMaskInfo = new() { DataMaskType = type, ValueExpr = valueExpr },
        }],
    };

    [Fact]
    public void Mask_FirstPolicyByNameWins_AndCarriesTheTransformer()
    {
        var engine = EngineOf([Mask(2, "b-null", "ssn", "MASK_NULL"), Mask(1, "a-last4", "ssn", "MASK_SHOW_LAST_4")]);
        var outcome = engine.Mask(Request(User("u"), "select", "spark_catalog.hr", "people", "ssn"));
        Assert.Equal("MASK_SHOW_LAST_4", outcome.MaskType);
        Assert.Equal(1, outcome.PolicyId);
        Assert.Equal("mask_show_last_n({col}, 4, 'x', 'x', 'x', -1, '1')", outcome.MaskedValue);
    }

    [Fact]
    public void Mask_NoMatch_IsNullTypeAndPolicyMinusOne()
    {
        var outcome = EngineOf([Mask(1, "m", "ssn", "MASK")]).Mask(Request(User("u"), "select", "spark_catalog.hr", "people", "name"));
        Assert.Null(outcome.MaskType);
        Assert.Equal(-1, outcome.PolicyId);
    }

    [Fact]
    public void TagMask_AppliesUnlessAHigherPriorityResourceMaskExists()
    {
        var tagMask = new RangerPolicy
        {
            Id = 30, Name = "pii-mask", PolicyType = RangerPolicyTypes.DataMask, Resources = new() { ["tag"] = new() { Values = ["PII"] } },
            DataMaskPolicyItems = [new RangerDataMaskPolicyItem
            {
                Accesses = [new() { Type = "iomete:select" }], Groups = ["public"], DataMaskInfo = new() { DataMaskType = "MASK_HASH" },
            }],
        };
        var engine = EngineOf([Mask(31, "dpo", "email", "MASK_NONE", priority: 1, users: ["dpo"])], tagPolicies: [tagMask]);
        ResourceTag[] pii = [new("PII", new Dictionary<string, string>())];
        Assert.Equal("MASK_HASH", engine.Mask(Request(User("u"), "select", "spark_catalog.hr", "people", "email", tags: pii)).MaskType);
        Assert.Equal("MASK_NONE", engine.Mask(Request(User("dpo"), "select", "spark_catalog.hr", "people", "email", tags: pii)).MaskType);
    }

    [Fact]
    public void CustomMaskAndRowFilter_ExpandUserAttributesWithQuotesDoubled()
    {
        var filter = new RangerPolicy
        {
            Id = 40, Name = "by-dept", PolicyType = RangerPolicyTypes.RowFilter, Resources = On("spark_catalog.hr", "people"),
            RowFilterPolicyItems = [new RangerRowFilterPolicyItem
            {
                Accesses = [new() { Type = "select" }], Groups = ["public"],
                RowFilterInfo = new() { FilterExpr = "dept = '${{USER.dept}}' OR owner = '{USER}'" },
            }],
        };
        var engine = EngineOf([filter, Mask(41, "c", "ssn", "CUSTOM", "CASE WHEN dept = '${{USER.dept}}' THEN {col} END")]);
        var user = User("o'neil", attributes: new() { ["dept"] = "r'n'd" });
        var outcome = engine.RowFilter(Request(user, "select", "spark_catalog.hr", "people"));
        Assert.Equal("dept = 'r''n''d' OR owner = 'o''neil'", outcome.FilterExpr);
        Assert.Equal(40, outcome.PolicyId);
        Assert.Equal("CASE WHEN dept = 'r''n''d' THEN {col} END",
            engine.Mask(Request(user, "select", "spark_catalog.hr", "people", "ssn")).MaskedValue);
    }

    [Fact]
    public void RowFilter_NoPolicy_IsNullAndMinusOne()
    {
        var outcome = EngineOf([]).RowFilter(Request(User("u"), "select", "spark_catalog.hr", "people"));
        Assert.Null(outcome.FilterExpr);
        Assert.Equal(-1, outcome.PolicyId);
    }
}
