using System.Text.Json;
using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;
using Iomete.DataSecurity.Polaris;

namespace Iomete.DataSecurity.Tests.Conformance;

/// <summary>Every case of Polaris' Ranger authorizer tests (tests_authz_*.json) against the policies of dev_polaris.json.</summary>
public sealed class PolarisConformanceTests
{
    private static readonly Lazy<PolicyEngine> Engine = new(Load);

    public static TheoryData<string, int, string, string?> Cases()
    {
        var data = new TheoryData<string, int, string, string?>();
        foreach (var path in Directory.GetFiles(SharedSpecs.Path("ranger", "polaris-ranger-authz"), "tests_authz_*.json").Order(StringComparer.Ordinal))
        {
            var tests = Tests(Path.GetFileName(path));
            for (var i = 0; i < tests.Count; i++)
            {
                var request = tests[i].GetProperty("request");
                data.Add(Path.GetFileName(path), i, $"{request.GetProperty("authzOp").GetString()} by {request.GetProperty("principal").GetProperty("name").GetString()}", null);
            }
        }
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void PolarisAuthzCase_MatchesExpectedDecision(string file, int index, string name, string? skip)
    {
        Assert.Null(skip);
        var test = Tests(file)[index];
        var request = test.GetProperty("request");
        var principal = new PolicyUser(request.GetProperty("principal").GetProperty("name").GetString()!,
            new HashSet<string>(), new HashSet<string>(), new Dictionary<string, string>());
        var secondary = request.TryGetProperty("secondary", out var s) && s.ValueKind == JsonValueKind.String
            ? PolarisEntityPath.Parse(s.GetString()!)
            : null;
        var result = PolarisAuthorizer.Authorize(Engine.Value, new PolarisAuthzRequest(
            request.GetProperty("authzOp").GetString()!, principal, PolarisEntityPath.Parse(request.GetProperty("target").GetString()!),
            secondary, DateTimeOffset.UtcNow));
        Assert.True(test.GetProperty("result").GetProperty("isAllowed").GetBoolean() == result.IsAllowed, $"{name}: {result.Reason}");
    }

    [Fact]
    public void UnsupportedOperations_AreRefusedWithoutConsultingPolicies()
    {
        var result = PolarisAuthorizer.Authorize(Engine.Value, new PolarisAuthzRequest("CREATE_PRINCIPAL_ROLE",
            new PolicyUser("admin1", new HashSet<string>(), new HashSet<string>(), new Dictionary<string, string>()),
            PolarisEntityPath.Parse("ROOT:POLARIS"), null, DateTimeOffset.UtcNow));

        Assert.False(result.IsAllowed);
        Assert.Empty(result.Checks);
        Assert.Contains("not supported", result.Reason, StringComparison.Ordinal);
    }

    private static List<JsonElement> Tests(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedSpecs.Path("ranger", "polaris-ranger-authz", file)));
        return doc.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.Clone()).ToList();
    }

    private static PolicyEngine Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedSpecs.Path("ranger", "polaris-ranger-authz", "dev_polaris.json")));
        var root = doc.RootElement;
        var policies = root.GetProperty("policies").Deserialize<List<RangerPolicy>>(RangerJson.Options) ?? [];
        var snapshot = new PolicySnapshot(root.GetProperty("policyVersion").GetInt64(), policies, [], [],
            new HashSet<string>(), new HashSet<string>());
        return new PolicyEngine(ServiceDefinition.FromJson(root.GetProperty("serviceDef")), snapshot);
    }
}
