using System.Net;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Platform.Security;
using Iomete.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Iomete.Functions.Sql.Tests.Support.SqlFixture;

namespace Iomete.Functions.Sql.Tests.Results;

/// <summary>Results expire after the configured time (stand-in engine, a one-second TTL).</summary>
public sealed class ResultExpiryTests
{
    [Fact]
    public async Task AnExpiredResult_Is410_AndTheCronDeletesItAndMarksResultExpired()
    {
        var fixture = new SqlFixture();
        await using var platform = await fixture.StartAsync(new() { ["Iomete:Sql:ResultTtl"] = "00:00:01" });
        using var admin = await platform.LoginAsync();
        var done = await RunAsync(admin, "SELECT 1 AS x");
        var id = done.Str("id");
        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}/results");
        var store = platform.Services.GetRequiredService<IObjectStore>();
        Assert.NotNull(await store.HeadAsync($"iomete-assets/sql-results/{id}/result.arrows", CancellationToken.None));

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var gone = await admin.ExpectAsync(HttpStatusCode.Gone, HttpMethod.Get, $"{QueriesUrl}/{id}/results");
        Assert.Equal("RESULT_EXPIRED", gone.Str("errorCode"));
        await admin.ExpectAsync(HttpStatusCode.Gone, HttpMethod.Get, $"{QueriesUrl}/{id}/results/download?format=csv");

        await admin.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/internal/v1/sql/expire-results");
        using var system = platform.Anonymous();
        system.DefaultRequestHeaders.Add(InternalCallOptions.Header, platform.Services.GetRequiredService<IOptions<InternalCallOptions>>().Value.AppApiToken);
        var swept = await system.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/sql/expire-results");
        Assert.True(swept.GetProperty("expired").GetInt32() >= 1);

        var query = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{id}");
        Assert.Equal("RESULT_EXPIRED", query.Str("status"));
        Assert.Null(await store.HeadAsync($"iomete-assets/sql-results/{id}/result.arrows", CancellationToken.None));
        await admin.ExpectAsync(HttpStatusCode.Gone, HttpMethod.Get, $"{QueriesUrl}/{id}/results");
    }
}
