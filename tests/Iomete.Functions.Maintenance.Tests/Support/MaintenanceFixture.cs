using System.Globalization;
using System.Net;
using System.Text.Json;
using Iomete.Engine.Catalogs;
using Iomete.Functions.Maintenance.Operations;
using Iomete.Iceberg.IO;
using Iomete.Platform.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Maintenance.Tests.Support;

/// <summary>One real local platform (SQLite metadata, local warehouse, embedded engine, in-memory workflows), the admin logged in, and helpers.</summary>
public class MaintenanceFixture : IAsyncLifetime
{
    public const string Domain = "default";
    public const string Catalog = "spark_catalog";
    public const string Database = "maint";
    public const string QueriesUrl = $"/api/v1/domains/{Domain}/sql/queries";
    public const string TablesUrl = $"/api/v1/domains/{Domain}/compaction/tables/{Catalog}/{Database}";

    private LocalPlatform? platform;
    private HttpClient? admin;

    public LocalPlatform Platform => platform ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Admin => admin ?? throw new InvalidOperationException("The platform has not started.");

    public RecordingEventBus Events => Platform.Services.GetRequiredService<RecordingEventBus>();

    /// <summary>False when the metadata database cannot run here (the tests then return early; CI fails instead).</summary>
    public bool Started => platform is not null;

    public async Task InitializeAsync()
    {
        var settings = await SettingsAsync();
        if (settings is null)
        {
            return;
        }
        platform = await LocalPlatform.StartAsync(settings, RecordingEventBus.Install);
        admin = await platform.LoginAsync();
        await SqlAsync($"CREATE DATABASE IF NOT EXISTS {Database}");
    }

    protected virtual Task<Dictionary<string, string?>?> SettingsAsync() => Task.FromResult<Dictionary<string, string?>?>([]);

    public async Task DisposeAsync()
    {
        admin?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }

    /// <summary>A client that calls as the platform (the internal app token), as the cron scheduler does.</summary>
    public HttpClient Internal()
    {
        var client = Platform.Anonymous();
        client.DefaultRequestHeaders.Add(InternalCallOptions.Header, Platform.Services.GetRequiredService<IOptions<InternalCallOptions>>().Value.AppApiToken);
        return client;
    }

    public async Task<JsonElement> SqlAsync(string sql)
    {
        var query = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}?wait=60",
            new { query = sql, computeCluster = "local", catalog = Catalog, database = Database });
        Assert.True(query.Str("status") == "COMPLETED", query.GetRawText());
        return query;
    }

    /// <summary>The rows of a query, each value as text.</summary>
    public async Task<List<string[]>> RowsAsync(string sql)
    {
        var query = await SqlAsync(sql);
        var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{query.Str("id")}/results?limit=10000");
        return [.. page.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.ToString()).ToArray())];
    }

    /// <summary>Creates a table and fills it with <paramref name="inserts"/> single-statement INSERTs (one data file and one snapshot each).</summary>
    public async Task<string> TableWithInsertsAsync(int inserts, int rowsPerInsert = 3)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..8];
        await SqlAsync($"CREATE TABLE {name} (id BIGINT, amount DOUBLE, name VARCHAR)");
        for (var i = 0; i < inserts; i++)
        {
            var values = string.Join(", ", Enumerable.Range(0, rowsPerInsert).Select(j =>
            {
                var id = (long)i * rowsPerInsert + j;
                return string.Create(CultureInfo.InvariantCulture, $"({id}, {id * 1.5}, 'row-{id}')");
            }));
            await SqlAsync($"INSERT INTO {name} VALUES {values}");
        }
        return name;
    }

    public async Task<CatalogTable> LoadAsync(string table) =>
        await Platform.Services.GetRequiredService<PlatformCatalog>().LoadAsync(new TableIdent(Catalog, Database, table), CancellationToken.None);

    /// <summary>The local folder of a table location (the warehouse is a local folder).</summary>
    public string LocalFolder(string location)
    {
        var io = Platform.Services.GetRequiredService<TableFileIO>();
        return Path.Combine(new Uri(io.Root).LocalPath, io.KeyOf(location.TrimEnd('/') + "/x")[..^1].Replace('/', Path.DirectorySeparatorChar));
    }

    public Task<JsonElement> TriggerAsync(string table, string operation, HttpStatusCode expected = HttpStatusCode.Created) =>
        Admin.ExpectAsync(expected, HttpMethod.Post, $"{TablesUrl}/{table}/runs", new { operation });

    /// <summary>Polls the run until it has ended.</summary>
    public async Task<JsonElement> WaitForRunAsync(string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/domains/{Domain}/compaction/runs/{id}");
            if (run.Str("state") is "COMPLETED" or "FAILED")
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"run {id} stayed {run.Str("state")}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> RunToEndAsync(string table, string operation)
    {
        var run = await TriggerAsync(table, operation);
        return await WaitForRunAsync(run.Str("id"));
    }

    public async Task PutOverridesAsync(string table, object overrides) =>
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"{TablesUrl}/{table}", overrides);
}

/// <summary>The same platform with its metadata (settings, runs, durable state) on the shared test PostgreSQL server.</summary>
public sealed class PostgresMaintenanceFixture : MaintenanceFixture
{
    protected override async Task<Dictionary<string, string?>?> SettingsAsync()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return null;
        }
        var server = await PostgresServer.SharedAsync();
        return server.Settings(PostgresServer.NewDatabasePrefix());
    }
}
