using System.Net;
using System.Text.Json;
using Iomete.Console.Pages.DataSecurity;
using Iomete.Console.Pages.DataSecurity.Operations;
using Iomete.Console.Shared;

namespace Iomete.Console.Tests.DataSecurity;

public sealed class OperationsTests : ConsoleTestContext
{
    [Fact]
    public void TheTester_ShowsPerColumnDecisionMaskAndRowFilter()
    {
        SignedIn("admin");
        Platform.On(HttpMethod.Post, PolicyKinds.Base + "/evaluate", HttpStatusCode.OK, """
            {"username":"ana","resource":"spark_catalog.crm.customers","access":{"allowed":true,"policyId":2,"reason":"allowed by policy 2"},
             "rowFilter":{"expression":"region = 'EU'","policyId":9},
             "columns":[{"name":"phone","allowed":true,"policyId":2,"reason":"allowed by policy 2","mask":{"type":"MASK_SHOW_LAST_4","expression":null,"condition":null,"policyId":5}},
                        {"name":"name","allowed":true,"policyId":2,"reason":"allowed by policy 2","mask":null}]}
            """);
        Providers();
        var tester = Render<PolicyTester>();
        tester.Find("[data-testid=tester-user]").Change("ana");
        tester.Find("[data-testid=tester-database]").Change("crm");
        tester.Find("[data-testid=tester-table]").Change("customers");
        tester.Find("[data-testid=tester-columns]").Change("phone, name");

        tester.Find("[data-testid=tester-run]").Click();

        tester.WaitForAssertion(() => Assert.Equal(2, tester.FindAll("[data-testid=tester-column]").Count));
        var phone = tester.Find("[data-column=phone]");
        Assert.Contains("MASK_SHOW_LAST_4", phone.TextContent, StringComparison.Ordinal);
        Assert.Contains("mask: 5", phone.TextContent, StringComparison.Ordinal);
        Assert.Contains("None", tester.Find("[data-column=name] [data-testid=tester-mask]").TextContent, StringComparison.Ordinal);
        Assert.Contains("region = 'EU' (policy 9)", tester.Find("[data-testid=tester-row-filter]").TextContent, StringComparison.Ordinal);
        var sent = JsonSerializer.Deserialize<JsonElement>(Platform.Sent.Single(s => s.Method == HttpMethod.Post).Body!);
        Assert.Equal(["phone", "name"], sent.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("spark_catalog", sent.GetProperty("catalog").GetString());
    }

    [Fact]
    public void TheTester_ShowsAnUnknownUserAtTheUsernameField()
    {
        SignedIn("admin");
        Platform.On(HttpMethod.Post, PolicyKinds.Base + "/evaluate", HttpStatusCode.BadRequest,
            """{"title":"Validation failed","status":400,"errors":{"username":["no active user has this username"]}}""");
        Providers();
        var tester = Render<PolicyTester>();

        tester.Find("[data-testid=tester-run]").Click();

        tester.WaitForAssertion(() => Assert.Contains("no active user", tester.Find("[data-testid=tester-user]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(tester.FindAll("[data-testid=tester-result]"));
    }

    [Fact]
    public void HealthBars_AreAlways48_OldestFirst_PaddedWithNoData_AndDescribeTheHour()
    {
        var component = JsonSerializer.Deserialize<JsonElement>("""
            {"name":"metadata-db","bars":[
              {"start":"2026-11-29T04:00:00+00:00","status":"OPERATIONAL","samples":360,"failures":0,"failingSeconds":0},
              {"start":"2026-11-29T05:00:00+00:00","status":"OUTAGE","samples":313,"failures":41,"failingSeconds":410}]}
            """);

        var bars = HealthBars.Map(component);

        Assert.Equal(48, bars.Count);
        Assert.All(bars.Take(46), b => Assert.Equal("NO_DATA", b.Status));
        Assert.Equal("OPERATIONAL", bars[46].Status);
        Assert.Equal("OUTAGE", bars[47].Status);
        Assert.Equal("var(--mud-palette-error)", bars[47].Color);
        Assert.Equal("2026-11-29 05:00 UTC: outage, 313 samples, 41 failures, 410 s failing", bars[47].Tooltip);
    }

    [Fact]
    public void HealthBars_KeepOnlyTheLast48()
    {
        var many = string.Join(",", Enumerable.Range(0, 50).Select(i => $$"""{"start":"2026-11-27T{{i % 24:00}}:00:00+00:00","status":"{{(i == 49 ? "OUTAGE" : "OPERATIONAL")}}"}"""));
        var bars = HealthBars.Map(JsonSerializer.Deserialize<JsonElement>($$"""{"bars":[{{many}}]}"""));

        Assert.Equal(48, bars.Count);
        Assert.Equal("OUTAGE", bars[^1].Status);
    }

    [Fact]
    public void TheHealthPage_DrawsEachComponentWith48Bars_AndRefreshes()
    {
        SignedIn("admin");
        var bars = string.Join(",", Enumerable.Repeat("""{"start":"2026-11-29T05:00:00+00:00","status":"OPERATIONAL","samples":1,"failures":0,"failingSeconds":0}""", 48));
        var view = $$"""{"metric":"P90","status":"OPERATIONAL","components":[{"name":"metadata-db","displayName":"Metadata database","status":"OPERATIONAL","uptime":100,"bars":[{{bars}}]},{"name":"object-storage","status":"OUTAGE","bars":[]}]}""";
        Platform.On(HttpMethod.Get, "/api/v1/health-check?metric=P90", HttpStatusCode.OK, view);
        Platform.On(HttpMethod.Post, "/api/v1/health-check/refresh?metric=P90", HttpStatusCode.OK, view);
        Platform.On(HttpMethod.Get, "/api/v1/admin/health-check/notifications", HttpStatusCode.OK, """{"emails":["ops@example.com"],"webhooks":[],"minimumIntervalSeconds":300}""");
        Providers();
        var page = Render<HealthPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=health-component]").Count));
        Assert.Equal(96, page.FindAll("[data-testid=health-bar]").Count);
        Assert.Equal(48, page.FindAll("[data-component=object-storage] [data-status=NO_DATA]").Count);
        Assert.Contains("outage", page.Find("[data-component=object-storage] [data-testid=health-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal("ops@example.com", page.Find("[data-testid=health-emails]").GetAttribute("value"));
        page.Find("[data-testid=health-refresh]").Click();
        page.WaitForAssertion(() => Assert.Contains(Platform.Sent, s => s.Method == HttpMethod.Post && s.PathAndQuery.StartsWith("/api/v1/health-check/refresh", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheStorageBreadcrumb_HasTheRootAndEachFolder()
    {
        var crumbs = StoragePath.Breadcrumb("sales/orders/metadata/");

        Assert.Equal(["warehouse", "sales", "orders", "metadata"], crumbs.Select(c => c.Name));
        Assert.Equal(["", "sales/", "sales/orders/", "sales/orders/metadata/"], crumbs.Select(c => c.Prefix));
        Assert.Single(StoragePath.Breadcrumb(""));
        Assert.Equal("metadata/", StoragePath.Name("sales/orders/metadata/"));
        Assert.Equal("v1.metadata.json", StoragePath.Name("sales/orders/metadata/v1.metadata.json"));
        Assert.Equal("1.5 KiB", Sizes.Bytes(1536));
    }

    [Fact]
    public void AuditFilters_LeaveOutBlanks_AndEscapeValues()
    {
        var query = AuditFilter.Query(50, 25, ("username", " ana "), ("method", null), ("pathPrefix", "/api/v1/admin/data-security"), ("success", ""));

        Assert.Equal("?offset=50&limit=25&username=ana&pathPrefix=%2Fapi%2Fv1%2Fadmin%2Fdata-security", query);
    }
}
