using System.Text.Json;
using Iomete.DataSecurity.Engine;

namespace Iomete.DataSecurity.Tests.Conformance;

/// <summary>
/// Every test of every Ranger policy-engine fixture, asserting what Ranger's TestPolicyEngine asserts: access →
/// isAllowed and isAudited; data mask → maskType, maskCondition, maskedValue, policyId; row filter → filterExpr, policyId.
/// </summary>
public sealed class RangerConformanceTests
{
    public static TheoryData<string, int, string, string?> Cases()
    {
        var data = new TheoryData<string, int, string, string?>();
        foreach (var file in RangerFixture.Files())
        {
            var fixture = RangerFixture.Get(file);
            for (var i = 0; i < fixture.Cases.Count; i++)
            {
                var test = fixture.Cases[i];
                var name = test.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
                data.Add(file, i, name, SkipReason(test));
            }
        }
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void RangerFixture_CaseMatchesRangerExpectation(string file, int index, string name, string? skip)
    {
        Assert.Null(skip);
        var fixture = RangerFixture.Get(file);
        var test = fixture.Cases[index];
        var engine = fixture.Engine;
        if (test.TryGetProperty("result", out var expected))
        {
            var (allowed, audited) = EvaluateAccess(engine, test);
            Assert.True(expected.GetProperty("isAllowed").GetBoolean() == allowed, $"{name}: isAllowed {allowed}");
            Assert.True(expected.GetProperty("isAudited").GetBoolean() == audited, $"{name}: isAudited {audited}");
        }
        if (test.TryGetProperty("dataMaskResult", out var mask))
        {
            var outcome = engine.Mask(RangerRequests.Build(test));
            var info = mask.GetProperty("additionalInfo");
            Assert.Equal(Text(info, "maskType"), outcome.MaskType);
            Assert.Equal(Text(info, "maskCondition"), outcome.MaskCondition);
            Assert.Equal(Text(info, "maskedValue"), outcome.MaskedValue);
            Assert.Equal(mask.GetProperty("policyId").GetInt64(), outcome.PolicyId);
        }
        if (test.TryGetProperty("rowFilterResult", out var filter))
        {
            var outcome = engine.RowFilter(RangerRequests.Build(test));
            Assert.Equal(Text(filter.GetProperty("additionalInfo"), "filterExpr"), outcome.FilterExpr);
            Assert.Equal(filter.GetProperty("policyId").GetInt64(), outcome.PolicyId);
        }
    }

    private static (bool Allowed, bool Audited) EvaluateAccess(PolicyEngine engine, JsonElement test)
    {
        if (RangerRequests.MultiAccess(test) is not { } multi)
        {
            var outcome = engine.Access(RangerRequests.Build(test));
            return (outcome.IsAllowed, outcome.IsAudited);
        }
        var outcomes = multi.Types.Select(t => engine.Access(RangerRequests.Build(test, t))).ToList();
        var allowed = multi.Any ? outcomes.Any(o => o.IsAllowed) : outcomes.All(o => o.IsAllowed);
        return (allowed, outcomes.Any(o => o.IsAudited));
    }

    private static string? SkipReason(JsonElement test)
    {
        if (RangerRequests.Unrepresentable(test) is { } reason)
        {
            return reason;
        }
        var checks = new[] { "result", "dataMaskResult", "rowFilterResult" };
        return checks.Any(c => test.TryGetProperty(c, out _)) ? null
            : "resourceAccessInfo (who-can-access listing) is not part of IPolicyEvaluator";
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
