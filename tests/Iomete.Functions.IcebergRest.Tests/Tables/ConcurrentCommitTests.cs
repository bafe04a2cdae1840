using System.Net;
using System.Text.Json;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Testing;
using static Iomete.Functions.IcebergRest.Tests.Support.TableRequests;

namespace Iomete.Functions.IcebergRest.Tests.Tables;

/// <summary>
/// 16 writers race to append to one table with assert-ref-snapshot-id, round after round: exactly one wins
/// each round, the others get 409 CommitFailedException, and the snapshot lineage has no gaps or lost updates.
/// </summary>
public abstract class ConcurrentCommitTests(IcebergFixture fixture)
{
    private const int Writers = 16;
    private const int Rounds = 8;

    [ServiceFact]
    public async Task SixteenWriters_EachRoundExactlyOneWins_AndTheLineageIsComplete()
    {
        var admin = fixture.Admin;
        var ns = await admin.NamespaceAsync("race");
        var created = await admin.CreateTableAsync(ns, "t");
        var location = created.GetProperty("metadata").GetProperty("location").GetString()!;
        using var clients = new ClientPool(fixture, Writers);

        long? parent = null;
        var winners = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var sequence = round + 1;
            var attempts = Enumerable.Range(0, Writers).Select(async w =>
            {
                var id = (round + 1) * 1000L + w;
                var (status, body) = await clients[w].SendJsonAsync(HttpMethod.Post, Table(ns, "t"), AppendCommit(id, parent, sequence, location));
                return (Id: id, Status: status, Type: status == HttpStatusCode.OK ? null : body?.RootElement.GetProperty("error").GetProperty("type").GetString());
            });
            var results = await Task.WhenAll(attempts);
            var won = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
            Assert.All(results.Where(r => r.Id != won.Id), r =>
            {
                Assert.Equal(HttpStatusCode.Conflict, r.Status);
                Assert.Equal("CommitFailedException", r.Type);
            });
            winners.Add(won.Id);
            parent = won.Id;
        }

        var loaded = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t"));
        var metadata = loaded.GetProperty("metadata");
        Assert.Equal(winners[^1], metadata.GetProperty("current-snapshot-id").GetInt64());
        var snapshots = metadata.GetProperty("snapshots").EnumerateArray().ToDictionary(s => s.GetProperty("snapshot-id").GetInt64());
        Assert.Equal(winners.Order(), snapshots.Keys.Order());
        long? cursor = winners[^1];
        var lineage = new List<long>();
        while (cursor is { } id)
        {
            lineage.Add(id);
            cursor = snapshots[id].TryGetProperty("parent-snapshot-id", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null;
        }
        lineage.Reverse();
        Assert.Equal(winners, lineage);
        Assert.Equal(Rounds, metadata.GetProperty("last-sequence-number").GetInt64());
        Assert.Equal(Rounds, metadata.GetProperty("snapshot-log").GetArrayLength());
    }

    /// <summary>One HTTP client per writer, so requests really run in parallel.</summary>
    private sealed class ClientPool : IDisposable
    {
        private readonly List<HttpClient> clients;

        public ClientPool(IcebergFixture fixture, int count)
        {
            clients = Enumerable.Range(0, count).Select(_ =>
            {
                var client = fixture.Platform.Anonymous();
                client.DefaultRequestHeaders.Authorization = fixture.Admin.DefaultRequestHeaders.Authorization;
                foreach (var header in fixture.Admin.DefaultRequestHeaders.Where(h => h.Key != "Authorization"))
                {
                    client.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
                }
                return client;
            }).ToList();
        }

        public HttpClient this[int index] => clients[index];

        public void Dispose() => clients.ForEach(c => c.Dispose());
    }
}

public sealed class ConcurrentCommitsOnSqliteTests(IcebergFixture fixture) : ConcurrentCommitTests(fixture), IClassFixture<IcebergFixture>;

[NeedsServices(TestService.Postgres)]
public sealed class ConcurrentCommitsOnPostgresTests(PostgresIcebergFixture fixture) : ConcurrentCommitTests(fixture), IClassFixture<PostgresIcebergFixture>;
