using System.Net;
using System.Text;
using System.Text.Json;
using Iomete.Functions.EventStreams.Tests.Streams;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

/// <summary>The local platform with the real ingestion pipelines, the SQL service on the embedded engine, and helpers to ingest and query.</summary>
public class IngestFixture : StreamsFixture
{
    public const string Catalog = "spark_catalog";
    public const string Database = "ingest";
    public const string QueriesUrl = $"/api/v1/domains/{Domain}/sql/queries";

    protected override bool UseRecordingRuntime => false;

    public string AdminToken { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AdminToken = Admin.DefaultRequestHeaders.Authorization!.Parameter!;
        await SqlAsync($"CREATE DATABASE IF NOT EXISTS {Database}");
    }

    /// <summary>Runs a statement through the SQL service and waits for it (it must complete).</summary>
    public async Task<JsonElement> SqlAsync(string sql)
    {
        var query = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{QueriesUrl}?wait=30",
            new { query = sql, computeCluster = "local", catalog = Catalog, database = Database });
        Assert.True(query.Str("status") == "COMPLETED", query.GetRawText());
        return query;
    }

    /// <summary>The rows of a query as JSON arrays (values in column order).</summary>
    public async Task<List<JsonElement>> RowsAsync(string sql)
    {
        var query = await SqlAsync(sql);
        var page = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{QueriesUrl}/{query.Str("id")}/results?limit=10000");
        return [.. page.GetProperty("rows").EnumerateArray()];
    }

    public async Task<long> CountAsync(string table) => long.Parse(
        (await RowsAsync($"SELECT count(*) FROM {table}"))[0][0].ToString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Polls until <paramref name="condition"/> holds for the table's row count.</summary>
    public async Task<long> WaitForCountAsync(string table, Func<long, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var count = await CountAsync(table);
            if (condition(count) || DateTime.UtcNow > deadline)
            {
                return count;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Creates a stream with fast commits and waits until it is ACTIVE.</summary>
    public async Task<JsonElement> ActiveStreamAsync(object? settings = null, string? bundleId = null)
    {
        var created = await CreateAsync(extra: new { settings = settings ?? new { commitIntervalMs = 300 } }, bundleId: bundleId);
        return await WaitForStatusAsync(created.Str("id"), "ACTIVE");
    }

    public async Task<JsonElement> WaitForStatusAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var stream = await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}");
            if (stream.Str("status") == status)
            {
                return stream;
            }
            Assert.True(DateTime.UtcNow < deadline, $"stream {id} stayed {stream.Str("status")}");
            await Task.Delay(50);
        }
    }

    public static string IngestUrl(JsonElement stream) => $"/data-plane/{stream.Str("namespace")}/event-stream/{stream.Str("name")}/ingest";

    /// <summary>Posts a body as IOMETE's clients do: <c>Authorization: &lt;token&gt;</c> and the <c>table</c> header.</summary>
    public async Task<HttpResponseMessage> IngestAsync(
        JsonElement stream, string table, string body, string? token = null, string contentType = "application/json", string? key = null, bool gzip = false)
    {
        using var client = Platform.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, IngestUrl(stream));
        request.Headers.TryAddWithoutValidation("Authorization", token ?? AdminToken);
        request.Headers.Add("table", table);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        if (gzip)
        {
            using var buffer = new MemoryStream();
            await using (var zip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                await zip.WriteAsync(bytes);
            }
            bytes = buffer.ToArray();
        }
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async Task<string> NewTableAsync(string columns = "id BIGINT, name VARCHAR, amount DECIMAL(10,2), at TIMESTAMPTZ")
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..8];
        await SqlAsync($"CREATE TABLE {name} ({columns})");
        return $"{Catalog}.{Database}.{name}";
    }
}
