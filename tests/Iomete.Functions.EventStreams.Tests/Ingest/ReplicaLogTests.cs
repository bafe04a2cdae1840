using System.Text;
using Iomete.Functions.EventStreams.Ingest;
using Iomete.Functions.EventStreams.Ingest.Runtime;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Iceberg.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

/// <summary>Each replica of a stream has its own log and LSNs; commits name their log so replicas never take each other's positions.</summary>
public sealed class ReplicaLogTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static EventStream Stream(string id, EventStreamSettings settings) => BackpressureTests.Stream(id, settings);

    private static string Body(int rows, int start) => BackpressureTests.Body(rows, start);

    private static Task<Iomete.Functions.EventStreams.Ingest.Rows.TableShape> ShapeAsync(Iomete.Engine.Catalogs.ILakehouseCatalog catalog, string table) =>
        BackpressureTests.ShapeAsync(catalog, table);

    [Fact]
    public async Task TwoReplicasOfAStream_KeepTheirOwnLogPositions_SoARestartedReplicaLosesNothing()
    {
        var table = await fixture.NewTableAsync("id BIGINT, name VARCHAR");
        var catalog = fixture.Platform.Services.GetRequiredService<PlatformCatalog>().Catalog;
        var io = fixture.Platform.Services.GetRequiredService<TableFileIO>();
        var id = "replicas-" + Guid.NewGuid().ToString("N")[..8];
        var shape = await ShapeAsync(catalog, table);
        var fast = Stream(id, new EventStreamSettings { CommitIntervalMs = 200 });
        var slowCommits = Stream(id, new EventStreamSettings { CommitIntervalMs = 600_000 });
        var first = Directory.CreateTempSubdirectory("replica-a-").FullName;
        var second = Directory.CreateTempSubdirectory("replica-b-").FullName;
        await using (var b = new StreamPipeline(slowCommits, second, new EventStreamsOptions(), catalog, io, TimeProvider.System, NullLogger.Instance))
        {
            await b.StartAsync(CancellationToken.None);
            await b.IngestAsync(new IngestRequest(shape, Encoding.UTF8.GetBytes(Body(3, 1000)), false, null), CancellationToken.None);
            await b.IngestAsync(new IngestRequest(shape, Encoding.UTF8.GetBytes(Body(3, 2000)), false, null), CancellationToken.None);
            // Replica B dies here with two acknowledged requests (its LSNs 1 and 2) only in its log.
        }
        await using (var a = new StreamPipeline(fast, first, new EventStreamsOptions(), catalog, io, TimeProvider.System, NullLogger.Instance))
        {
            await a.StartAsync(CancellationToken.None);
            for (var i = 0; i < 5; i++)
            {
                await a.IngestAsync(new IngestRequest(shape, Encoding.UTF8.GetBytes(Body(1, i)), false, null), CancellationToken.None);
            }
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await a.StopAsync(drain.Token);
        }
        Assert.Equal(5, await fixture.CountAsync(table));
        await using (var restarted = new StreamPipeline(fast, second, new EventStreamsOptions(), catalog, io, TimeProvider.System, NullLogger.Instance))
        {
            await restarted.StartAsync(CancellationToken.None);
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await restarted.StopAsync(drain.Token);
        }
        Assert.Equal(11, await fixture.CountAsync(table));
        Directory.Delete(first, recursive: true);
        Directory.Delete(second, recursive: true);
    }
}
