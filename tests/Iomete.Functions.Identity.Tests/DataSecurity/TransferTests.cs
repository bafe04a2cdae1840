using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class TransferTests
{
    private const string Base = DataSecurityClients.Base;

    private static async Task<JsonNode> ExportAsync(HttpClient client)
    {
        var text = await client.GetStringAsync($"{Base}/export");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The export without what differs between platforms: ids, versions, the policy-set version.</summary>
    private static string Comparable(JsonNode export)
    {
        var copy = export.DeepClone().AsObject();
        copy.Remove("policyVersion");
        foreach (var list in new[] { copy["policies"]!.AsArray(), copy["tagPolicies"]!["policies"]!.AsArray(), copy["roles"]!.AsArray() })
        {
            foreach (var item in list)
            {
                item!.AsObject().Remove("id");
                item.AsObject().Remove("version");
            }
        }
        return copy.ToJsonString();
    }

    [Fact]
    public async Task ExportImportIntoAnEmptyPlatformAndExportAgain_IsEqual()
    {
        await using var source = await LocalPlatform.StartAsync();
        using var admin = await source.LoginAsync();
        await admin.PostJsonAsync($"{Base}/roles", new { name = "stewards", users = new[] { new { name = "alice" } } }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"{Base}/roles", new { name = "leads", roles = new[] { new { name = "stewards" } } }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"{Base}/access/policy", new
        {
            name = "sales-read",
            priority = "OVERRIDE",
            validityPeriod = new { startTime = "2026/01/01 00:00:00", timeZone = "UTC" },
            resources = new object[]
            {
                new { databases = new[] { "spark_catalog.sales" }, tables = new[] { "tmp_*" }, tablesInclusionType = "EXCLUDE" },
                new { databases = new[] { "spark_catalog.hr" } },
            },
            allowPolicyItems = new[] { new { roles = new[] { "leads" }, accesses = new[] { "SELECT", "READ" }, delegateAdmin = true } },
            denyPolicyItems = new[] { new { groups = new[] { "contractors" }, accesses = new[] { "ALL" } } },
            isDenyAllElse = true,
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync($"{Base}/mask/policy", DataSecurityClients.MaskPolicy("phones", "CUSTOM", "concat('x', {col})"), HttpStatusCode.Created);
        await admin.PostJsonAsync($"{Base}/filter/policy", DataSecurityClients.FilterPolicy("eu-only"), HttpStatusCode.Created);
        await admin.PostJsonAsync($"{Base}/tag/access/policy", new
        {
            name = "pii-deny",
            resources = new[] { new { tags = new[] { "PII" } } },
            denyPolicyItems = new[] { new { groups = new[] { "public" }, accesses = new[] { "SELECT" } } },
        }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/v2/admin/domains", new { id = "marketing", owner = new { id = "admin", type = "USER" } }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/v1/domains/marketing/data-security/access/policy", DataSecurityClients.AccessPolicy("campaigns"), HttpStatusCode.Created);
        var exported = await ExportAsync(admin);
        Assert.Equal("iomete", exported["serviceName"]!.GetValue<string>());
        Assert.Equal("iomete_tag", exported["tagPolicies"]!["serviceName"]!.GetValue<string>());
        Assert.Equal(7, exported["policies"]!.AsArray().Count);  // 3 defaults + 4
        Assert.Equal("marketing", exported["policies"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "campaigns")!["zoneName"]!.GetValue<string>());

        await using var target = await LocalPlatform.StartAsync();
        using var targetAdmin = await target.LoginAsync();
        using var response = await targetAdmin.PostAsync($"{Base}/import",
            new StringContent(exported.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var result = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, result.GetProperty("policies").GetProperty("created").GetInt32());
        Assert.Equal(3, result.GetProperty("policies").GetProperty("updated").GetInt32());  // the seeded defaults
        Assert.Equal(2, result.GetProperty("roles").GetProperty("created").GetInt32());

        Assert.Equal(Comparable(exported), Comparable(await ExportAsync(targetAdmin)));
        var imported = await targetAdmin.GetJsonAsync($"{Base}/access/policy?search=sales-read");
        Assert.Equal("OVERRIDE", imported.GetProperty("items")[0].Str("priority"));
        var campaigns = await targetAdmin.GetJsonAsync($"{Base}/access/policy?search=campaigns");
        Assert.Equal("marketing", campaigns.GetProperty("items")[0].Str("domain"));
    }

    [Fact]
    public async Task BadImport_IsRejectedAsAWhole_AndReplaceDeletesWhatItDoesNotName()
    {
        await using var platform = await LocalPlatform.StartAsync();
        using var admin = await platform.LoginAsync();
        var before = await ExportAsync(admin);
        var good = new JsonObject
        {
            ["service"] = "iomete", ["name"] = "imported-ok", ["policyType"] = 0,
            ["resources"] = new JsonObject { ["database"] = new JsonObject { ["values"] = new JsonArray("spark_catalog.a") } },
            ["policyItems"] = new JsonArray(new JsonObject
            {
                ["users"] = new JsonArray("bob"), ["accesses"] = new JsonArray(new JsonObject { ["type"] = "select", ["isAllowed"] = true }),
            }),
        };
        var bad = good.DeepClone().AsObject();
        bad["name"] = "imported-bad";
        bad["policyItems"]![0]!["accesses"]![0]!["type"] = "teleport";
        var problem = await admin.PostJsonAsync($"{Base}/import", new JsonArray(good.DeepClone(), bad), HttpStatusCode.BadRequest);
        Assert.Contains("policies[1].allowPolicyItems[0].accesses", problem.ErrorFields());
        Assert.Equal(before.ToJsonString(), (await ExportAsync(admin)).ToJsonString());

        var merged = await admin.PostJsonAsync($"{Base}/import", new JsonArray(good.DeepClone()), HttpStatusCode.OK);
        Assert.Equal(1, merged.GetProperty("policies").GetProperty("created").GetInt32());
        var names = (await admin.GetJsonAsync($"{Base}/access/policy")).Names();
        Assert.Contains("imported-ok", names);
        Assert.Contains("default-read-all", names);

        var replaced = await admin.PostJsonAsync($"{Base}/import?mode=replace", new JsonArray(good.DeepClone()), HttpStatusCode.OK);
        Assert.Equal(1, replaced.GetProperty("policies").GetProperty("updated").GetInt32());
        Assert.Equal(3, replaced.GetProperty("policies").GetProperty("deleted").GetInt32());
        Assert.Equal(["imported-ok"], (await admin.GetJsonAsync($"{Base}/access/policy")).Names());
        await admin.PostJsonAsync($"{Base}/import?mode=upsert", new JsonArray(), HttpStatusCode.BadRequest);
    }
}
