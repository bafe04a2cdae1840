using System.Net;
using System.Text;
using Iomete.Engine.Catalogs;
using Iomete.Functions.EventStreams.Ingest;
using Iomete.Functions.EventStreams.Ingest.Rows;
using Iomete.Functions.EventStreams.Ingest.Runtime;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Functions.EventStreams.Tests.Streams;
using Iomete.Iceberg.IO;
using Iomete.Platform.Errors;
using Iomete.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

/// <summary>When commits cannot keep up, ingest answers 429 with Retry-After instead of buffering without bound.</summary>
public sealed class BackpressureTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    internal static string Body(int rows, int start) =>
        "[" + string.Join(",", Enumerable.Range(start, rows).Select(i => $"{{\"id\":{i},\"name\":\"{new string('x', 200)}\"}}")) + "]";

    [Fact]
    public async Task PendingBytesOverTheLimit_Answer429WithRetryAfter_AndEverythingAcknowledgedLandsLater()
    {
        // Commits only on a 10-minute timer or 2 MiB; 1 MiB may wait: the fourth 300 KiB request must be refused.
        var stream = await fixture.ActiveStreamAsync(new { commitIntervalMs = 600_000, commitMaxBytes = 2L << 20, maxPendingBytes = 1L << 20 });
        var table = await fixture.NewTableAsync("id BIGINT, name VARCHAR");
        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await fixture.IngestAsync(stream, table, Body(1300, i * 1300));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                accepted++;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }
        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        }
        Assert.InRange(accepted, 2, 4);
        var metrics = (await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{StreamsFixture.Root}/{stream.Str("id")}/metrics")).GetProperty("metrics");
        Assert.True(metrics.GetProperty("pendingBytes").GetInt64() <= 1L << 20);
        Assert.True(metrics.GetProperty("throttledTotal").GetInt64() >= 1);
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{StreamsFixture.Root}/{stream.Str("id")}/terminate");
        Assert.Equal(accepted * 1300, await fixture.CountAsync(table));
    }

    internal static EventStream Stream(string id, EventStreamSettings settings) => new()
    {
        Id = id, DomainId = "default", Name = id, Namespace = "iomete-system", ResourceBundleId = "b",
        Status = EventStreamStatus.Starting, Settings = settings, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };

    internal static async Task<TableShape> ShapeAsync(ILakehouseCatalog catalog, string table)
    {
        var parts = table.Split('.');
        var loaded = await catalog.LoadTableAsync(new TableIdent(parts[0], parts[1], parts[2]), CancellationToken.None);
        return TableShape.Of(loaded!.Ident, loaded.Metadata);
    }

    [Fact]
    public async Task SlowStore_RefusesWithTooManyRequests_InsteadOfGrowingMemory()
    {
        var table = await fixture.NewTableAsync("id BIGINT, name VARCHAR");
        var slow = new SlowObjectStore(fixture.Platform.Services.GetRequiredService<IObjectStore>());
        var stream = Stream("slow-" + Guid.NewGuid().ToString("N")[..8], new EventStreamSettings { CommitIntervalMs = 200, MaxPendingBytes = 1L << 20 });
        var directory = Directory.CreateTempSubdirectory("slow-stream-").FullName;
        var catalog = fixture.Platform.Services.GetRequiredService<PlatformCatalog>().Catalog;
        await using var pipeline = new StreamPipeline(stream, directory, new EventStreamsOptions(), catalog, new TableFileIO(slow), TimeProvider.System, NullLogger.Instance);
        await pipeline.StartAsync(CancellationToken.None);
        var shape = await ShapeAsync(catalog, table);
        var accepted = 0;
        ApiException? refusal = null;
        for (var i = 0; i < 100 && refusal is null; i++)
        {
            try
            {
                await pipeline.IngestAsync(new IngestRequest(shape, Encoding.UTF8.GetBytes(Body(500, i * 500)), false, null), CancellationToken.None);
                accepted++;
                await Task.Delay(50);
            }
            catch (ApiException e)
            {
                refusal = e;
            }
        }
        Assert.NotNull(refusal);
        Assert.Equal(429, refusal.Status);
        Assert.True(refusal.RetryAfterSeconds >= 1);
        Assert.True(slow.WaitingPuts >= 1, "the committer never reached the store");
        Assert.True(pipeline.Metrics().PendingBytes <= 1L << 20);
        slow.Open();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await pipeline.StopAsync(stop.Token);
        Assert.Equal(accepted * 500, await fixture.CountAsync(table));
        Directory.Delete(directory, recursive: true);
    }
}
