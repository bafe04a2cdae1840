using System.Text.Json;
using System.Net;

namespace Iomete.Console.E2E.Tests.Catalog;

/// <summary>Sets up tables through the SQL API (what the catalog and event-stream tests are not about).</summary>
public static class LakehouseSql
{
    public const string Queries = "/api/v1/domains/default/sql/queries?wait=60";

    /// <summary>Runs one statement on the local compute and returns the finished query; fails unless it COMPLETED.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient admin, string sql)
    {
        var query = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Queries,
            new { query = sql, computeCluster = "local", catalog = "spark_catalog" });
        Assert.True(query.Str("status") == "COMPLETED", $"{sql} ended {query.Str("status")}: {query.GetRawText()}");
        return query;
    }

    /// <summary>The first value of the first row of a query's result.</summary>
    public static async Task<JsonElement> ScalarAsync(HttpClient admin, string sql)
    {
        var query = await RunAsync(admin, sql);
        var result = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/domains/default/sql/queries/{query.Str("id")}/results");
        return result.GetProperty("rows")[0][0];
    }
}
