using System.Net;
using System.Text.Json;
using Iomete.Functions.Identity.DataSecurity.Audit;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Functions.Identity.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Identity.Tests.DataSecurity;

public sealed class AuditTests(RasPlatformFixture fixture) : IClassFixture<RasPlatformFixture>
{
    private const string Base = DataSecurityClients.Base;
    private HttpClient Admin => fixture.Admin;

    private DataAccessAuditLog Log => fixture.Platform.Services.GetRequiredService<DataAccessAuditLog>();

    /// <summary>The background writer batches every 200 ms: wait until the expected number of entries is visible.</summary>
    private async Task<JsonElement> WaitForAsync(string query, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var page = await Admin.GetJsonAsync($"{Base}/audit?{query}");
            if (page.GetProperty("total").GetInt64() >= count || DateTime.UtcNow > deadline)
            {
                return page;
            }
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task RecordedDecisions_AreListedNewestFirst_WithRangerFields()
    {
        var user = Identities.Unique("reader");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        Log.Record(new DataAccessAuditEntry(t0, user, "sql", "spark_catalog.sales.orders", "table", "select", true)
        {
            ClientIp = "10.0.0.1", Action = "QUERY", PolicyId = 7, PolicyVersion = 3, Reason = "allowed by policy 7", SessionId = "s-1",
            Tags = ["PII"],
        });
        Log.Record(new DataAccessAuditEntry(t0.AddMinutes(1), user, "iceberg-rest", "spark_catalog.hr.people", "table", "update", false)
        {
            Reason = "no policy allows update",
        });

        var page = await WaitForAsync($"user={user}", 2);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("spark_catalog.hr.people", items[0].Str("resource"));
        Assert.Equal("DENIED", items[0].Str("result"));
        var first = items[1];
        Assert.Equal("ALLOWED", first.Str("result"));
        Assert.Equal("iomete", first.Str("repository"));
        Assert.Equal("sql", first.Str("enforcer"));
        Assert.Equal("10.0.0.1", first.Str("clientIp"));
        Assert.Equal(7, first.GetProperty("policyId").GetInt64());
        Assert.Equal(3, first.GetProperty("policyVersion").GetInt64());
        Assert.Equal("s-1", first.Str("sessionId"));
        Assert.Equal("PII", first.GetProperty("tags")[0].GetString());
        Assert.False(string.IsNullOrEmpty(first.Str("id")));
    }

    [Fact]
    public async Task AuditList_FiltersByEveryField()
    {
        var user = Identities.Unique("filtered");
        var t0 = DateTimeOffset.Parse("2026-11-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Log.Record(new DataAccessAuditEntry(t0, user, "sql", "spark_catalog.sales.orders.amount", "column", "select", true) { PolicyId = 11 });
        Log.Record(new DataAccessAuditEntry(t0.AddHours(1), user, "sql", "spark_catalog.sales.customers", "table", "select", false) { PolicyId = 12 });
        Log.Record(new DataAccessAuditEntry(t0.AddHours(2), user, "event-stream", "spark_catalog.events.clicks", "table", "insert", true));
        Log.Record(new DataAccessAuditEntry(t0.AddHours(3), user, "iceberg-rest", "spark_catalog.sales_archive.t", "table", "select", true));
        await WaitForAsync($"user={user}", 4);

        async Task<List<string>> Resources(string query) =>
            (await Admin.GetJsonAsync($"{Base}/audit?user={user}&{query}")).GetProperty("items").EnumerateArray().Select(e => e.Str("resource")).ToList();

        Assert.Equal(["spark_catalog.sales.customers", "spark_catalog.sales.orders.amount"], await Resources("resource=spark_catalog.sales."));
        Assert.Equal(["spark_catalog.sales.customers"], await Resources("result=DENIED"));
        Assert.Equal(["spark_catalog.events.clicks"], await Resources("accessType=INSERT"));
        Assert.Equal(["spark_catalog.sales.orders.amount"], await Resources("policyId=11"));
        Assert.Equal(["spark_catalog.sales_archive.t"], await Resources("enforcer=iceberg-rest"));
        Assert.Equal(["spark_catalog.events.clicks", "spark_catalog.sales.customers"],
            await Resources("from=2026-11-01T11:00:00Z&to=2026-11-01T13:00:00Z"));
        Assert.Equal(["spark_catalog.sales.orders.amount", "spark_catalog.sales.customers", "spark_catalog.events.clicks", "spark_catalog.sales_archive.t"],
            await Resources("sort=eventTime"));
        Assert.Empty(await Resources("user=nobody-at-all"));

        await Admin.GetJsonAsync($"{Base}/audit?result=MAYBE", HttpStatusCode.BadRequest);
        await Admin.GetJsonAsync($"{Base}/audit?from=yesterday", HttpStatusCode.BadRequest);
        await Admin.GetJsonAsync($"{Base}/audit?policyId=x", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Purge_DeletesEntriesPastRetention_AndOnlyThePlatformMayCallIt()
    {
        var user = Identities.Unique("old");
        Log.Record(new DataAccessAuditEntry(DateTimeOffset.UtcNow.AddDays(-120), user, "sql", "spark_catalog.a.b", "table", "select", true));
        Log.Record(new DataAccessAuditEntry(DateTimeOffset.UtcNow.AddDays(-1), user, "sql", "spark_catalog.a.c", "table", "select", true));
        await WaitForAsync($"user={user}", 2);

        await Admin.PostJsonAsync("/internal/v1/identity/data-security/purge-audit", new { }, HttpStatusCode.Forbidden);
        using var system = fixture.Platform.WithInternalToken(fixture.Platform.AppApiToken());
        var result = await system.PostJsonAsync("/internal/v1/identity/data-security/purge-audit", new { }, HttpStatusCode.OK);
        Assert.True(result.GetProperty("deleted").GetInt32() >= 1);

        var left = await Admin.GetJsonAsync($"{Base}/audit?user={user}");
        Assert.Equal("spark_catalog.a.c", Assert.Single(left.GetProperty("items").EnumerateArray()).Str("resource"));
        Assert.Equal(0, Log.Dropped);
    }
}
