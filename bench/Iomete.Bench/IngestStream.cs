using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Bench;

/// <summary>
/// The benchmark's event stream through the API (a resource bundle, the stream, ACTIVE), its metrics, and the tables
/// it feeds through the SQL service.
/// </summary>
internal sealed class IngestStream
{
    public const string Catalog = "spark_catalog";
    public const string Database = "bench";
    public const string Columns = "event_id BIGINT, user_id BIGINT, kind VARCHAR, ts TIMESTAMPTZ, payload VARCHAR";
    private const string Streams = "/api/v1/domains/default/event-streams";

    private readonly HttpClient admin;
    private readonly SqlServiceClient sql;
    private readonly string id;

    private IngestStream(HttpClient admin, string id, string ingestPath)
    {
        this.admin = admin;
        this.id = id;
        IngestPath = ingestPath;
        sql = new SqlServiceClient(admin, Catalog, Database);
    }

    /// <summary><c>/data-plane/{namespace}/event-stream/{name}/ingest</c>.</summary>
    public string IngestPath { get; }

    public static async Task<IngestStream> CreateAsync(HttpClient admin, int commitIntervalMs)
    {
        using var me = JsonDocument.Parse(await admin.GetStringAsync("/api/v2/user"));
        var bundle = await PostAsync(admin, "/api/v1/bundles",
            new { name = "bench", domain = "default", owner = new { id = me.RootElement.GetProperty("id").GetString(), type = "USER" } });
        var stream = await PostAsync(admin, Streams,
            new { name = "bench", resourceBundleId = bundle.GetProperty("id").GetString(), settings = new { commitIntervalMs } });
        var id = stream.GetProperty("id").GetString()!;
        var watch = Stopwatch.StartNew();
        while (stream.GetProperty("status").GetString() != "ACTIVE")
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"Event stream {id} stayed {stream.GetProperty("status").GetString()}.");
            }
            await Task.Delay(50);
            using var poll = JsonDocument.Parse(await admin.GetStringAsync($"{Streams}/{id}"));
            stream = poll.RootElement.Clone();
        }
        await new SqlServiceClient(admin, Catalog, null).RunAsync($"CREATE DATABASE IF NOT EXISTS {Database}");
        var path = $"/data-plane/{stream.GetProperty("namespace").GetString()}/event-stream/{stream.GetProperty("name").GetString()}/ingest";
        return new IngestStream(admin, id, path);
    }

    /// <summary>Creates <c>bench.{name}</c>; returns its full name for the <c>table</c> header.</summary>
    public async Task<string> CreateTableAsync(string name)
    {
        await sql.RunAsync($"CREATE TABLE {Database}.{name} ({Columns})");
        return $"{Catalog}.{Database}.{name}";
    }

    /// <summary>The <c>metrics</c> object of the stream's live metrics.</summary>
    public async Task<JsonElement> MetricsAsync()
    {
        using var body = JsonDocument.Parse(await admin.GetStringAsync($"{Streams}/{id}/metrics"));
        return body.RootElement.GetProperty("metrics").Clone();
    }

    /// <summary>Polls the metrics every 50 ms until no acknowledged event waits for its commit; returns the time it took, or null on timeout.</summary>
    public async Task<double?> DrainAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if ((await MetricsAsync()).GetProperty("pendingEvents").GetInt64() == 0)
            {
                return watch.Elapsed.TotalSeconds;
            }
            await Task.Delay(50);
        }
        return null;
    }

    public async Task<long> CountAsync(string table) =>
        Convert.ToInt64((await QueryAsync($"SELECT count(*) FROM {table}"))[0][0], CultureInfo.InvariantCulture);

    /// <summary>The <c>event_id</c>s among <paramref name="ids"/> that a query sees in the table now.</summary>
    public async Task<IEnumerable<long>> VisibleAsync(string table, IEnumerable<long> ids) =>
        (await QueryAsync($"SELECT event_id FROM {table} WHERE event_id IN ({string.Join(", ", ids)})"))
            .Select(row => Convert.ToInt64(row[0], CultureInfo.InvariantCulture));

    private async Task<IReadOnlyList<object?[]>> QueryAsync(string text) => (await sql.PageAsync(await sql.RunAsync(text), 10_000)).Rows;

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}
