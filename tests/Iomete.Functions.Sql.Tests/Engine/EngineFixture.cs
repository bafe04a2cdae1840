using System.Net;
using System.Text.Json;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Testing;
using Iomete.Testing.Tpch;

namespace Iomete.Functions.Sql.Tests.Engine;

/// <summary>The local platform as users run it: the SQL service on the embedded DuckDB engine over the platform's Iceberg catalog.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string Catalog = "spark_catalog";

    private LocalPlatform? _platform;
    private HttpClient? _admin;

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin => _admin ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync()
    {
        _platform = await LocalPlatform.StartAsync();
        _admin = await _platform.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    /// <summary>Runs one statement through the SQL service and waits for it; returns the final query.</summary>
    public Task<JsonElement> RunAsync(string sql, string? database = null) =>
        SqlFixture.RunAsync(Admin, sql, new { catalog = Catalog, database });

    /// <summary>Runs a statement that must complete and returns its whole result as typed values.</summary>
    public async Task<ResultSet> QueryAsync(string sql, string? database = null)
    {
        var query = await RunAsync(sql, database);
        Assert.True(query.Str("status") == "COMPLETED", query.GetRawText());
        var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SqlFixture.QueriesUrl}/{query.Str("id")}/results?limit=10000");
        return ResultSet.FromResultsPage(page);
    }
}
