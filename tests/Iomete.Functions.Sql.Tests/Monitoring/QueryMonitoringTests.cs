using System.Net;
using System.Text.Json;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Testing;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Monitoring;

/// <summary>Query monitoring: the domain view (own queries by default), the admin view, filters and terminate.</summary>
public sealed class QueryMonitoringTests(SqlFixture fixture) : IClassFixture<SqlFixture>
{
    private const string DomainUrl = $"/api/v1/domains/{Domain}/query-monitoring/queries";
    private const string AdminUrl = "/api/v1/admin/query-monitoring/queries";
    private const string EndlessQuery = "SELECT count(*) FROM range(10000000000000)";

    [Fact]
    public async Task DomainView_ShowsTheCallersOwnQueriesByDefault_AndOnlyManagersWiden()
    {
        var adminQuery = await RunAsync(fixture.Admin, "SELECT 'admin' AS who");
        var (userId, username, userClient) = await fixture.UserAsync("monitored");
        using var user = userClient;
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, DomainUrl);
        await fixture.GrantDomainAsync(username, "EXPORT_SQL_EDITOR");
        var own = await RunAsync(user, "SELECT 'user' AS who");

        var mine = Ids(await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, DomainUrl));
        Assert.Equal([own.Str("id")], mine);
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"{DomainUrl}?userId=*");
        await user.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"{DomainUrl}?userId={adminQuery.Str("userId")}");
        Assert.Equal(mine, Ids(await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{DomainUrl}?userId={userId}")));

        var everyone = Ids(await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{DomainUrl}?userId=*&limit=1000"));
        Assert.Contains(own.Str("id"), everyone);
        Assert.Contains(adminQuery.Str("id"), everyone);
        var onlyUser = Ids(await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{DomainUrl}?userId={userId}"));
        Assert.Equal([own.Str("id")], onlyUser);
    }

    [Fact]
    public async Task AdminView_NeedsDomainManager_AndFiltersByDomainUserStatusIdTextAndDuration()
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..8];
        var ok = await RunAsync(fixture.Admin, $"SELECT 1 AS {marker}");
        var failed = await RunAsync(fixture.Admin, $"SELEC {marker}");
        var (_, _, plainClient) = await fixture.UserAsync("plain");
        using var plain = plainClient;
        await plain.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, AdminUrl);
        var (_, _, readerClient) = await fixture.UserAsync("reader", "READ_ONLY_ADMIN");
        using var reader = readerClient;

        var byText = Ids(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?search={marker}"));
        Assert.Equal(new[] { ok.Str("id"), failed.Str("id") }.Order(), byText.Order());
        Assert.Equal([failed.Str("id")], Ids(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?search={marker}&status=FAILED")));
        Assert.Equal([ok.Str("id")], Ids(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?queryId={ok.Str("id")}")));
        Assert.Equal(2, Ids(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?search={marker}&domain={Domain}&userId={ok.Str("userId")}")).Count);
        Assert.Empty(Ids(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?search={marker}&domain=elsewhere")));
        Assert.Empty(Ids(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?search={marker}&computeCluster=spark-1,spark-2")));
        Assert.Empty(Ids(await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?search={marker}&minDurationMs=600000")));
        var detail = await reader.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}/{failed.Str("id")}");
        Assert.Equal("SQL_SYNTAX_ERROR", detail.GetProperty("error").Str("code"));
        await reader.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"{AdminUrl}/no-such-query");

        await reader.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{AdminUrl}?status=DONE");
        await reader.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{AdminUrl}?minDurationMs=-1");
        await reader.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{AdminUrl}?sort=cost");
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        await reader.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"{AdminUrl}?from={now}&to={now}");
    }

    [Fact]
    public async Task ARunningQuery_ShowsUnderMinDuration_AndAnAdminTerminatesIt_RecordingWho()
    {
        var adminId = (await RunAsync(fixture.Admin, "SELECT 1 AS me")).Str("userId");
        var (_, username, userClient) = await fixture.UserAsync("runner");
        using var user = userClient;
        await fixture.GrantDomainAsync(username, "EXPORT_SQL_EDITOR");
        var submitted = await user.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl, new { query = EndlessQuery, computeCluster = "local" });
        var id = submitted.Str("id");
        await PollAsync(user, id, TimeSpan.FromSeconds(10), "RUNNING");
        await Task.Delay(300);

        var running = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{AdminUrl}?status=RUNNING&minDurationMs=100&sort=-durationMs");
        Assert.Contains(id, Ids(running));
        var (_, otherName, otherClient) = await fixture.UserAsync("other");
        using var other = otherClient;
        await fixture.GrantDomainAsync(otherName, "EXPORT_SQL_EDITOR");
        await other.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, $"{DomainUrl}/{id}/terminate");
        await other.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"{AdminUrl}/{id}/terminate");

        var terminated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{AdminUrl}/{id}/terminate");
        var final = terminated.Str("status") == "CANCELLED" ? terminated : await PollAsync(user, id, TimeSpan.FromSeconds(30), "CANCELLED");
        Assert.Equal("CANCELLED", final.Str("status"));
        Assert.Equal(adminId, (await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}")).Str("cancelledBy"));
        await fixture.Admin.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"{AdminUrl}/{id}/terminate");
        await user.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"{DomainUrl}/{id}/terminate");
    }

    [Fact]
    public async Task TheOwner_TerminatesTheirOwnQuery_FromTheDomainView()
    {
        var submitted = await fixture.Admin.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, QueriesUrl, new { query = EndlessQuery, computeCluster = "local" });
        var id = submitted.Str("id");
        await PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(10), "RUNNING");

        var terminated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{DomainUrl}/{id}/terminate");
        var final = terminated.Str("status") == "CANCELLED" ? terminated : await PollAsync(fixture.Admin, id, TimeSpan.FromSeconds(30), "CANCELLED");
        Assert.Equal("CANCELLED", final.Str("status"));
        Assert.Equal(final.Str("userId"), final.Str("cancelledBy"));
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(q => q.Str("id")).ToList();
}
