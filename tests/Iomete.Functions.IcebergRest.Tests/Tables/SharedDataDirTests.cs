using System.Net;
using Iomete.Functions.IcebergRest.Tests.Support;
using Iomete.Testing;
using static Iomete.Functions.IcebergRest.Tests.Support.TableRequests;

namespace Iomete.Functions.IcebergRest.Tests.Tables;

/// <summary>
/// Two hosts on one embedded data directory (as two processes would be): each remembers table lookups,
/// and a commit through one is seen by the next load through the other.
/// </summary>
public sealed class SharedDataDirTests
{
    [Fact]
    public async Task ACommitThroughOneHost_IsSeenAtOnceThroughAnotherOnTheSameDataDir()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-shared-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?> { ["Iomete:DataDir"] = dataDir };
        await using var first = await LocalPlatform.StartAsync(settings);
        await using var second = await LocalPlatform.StartAsync(settings);
        using var one = await first.LoginAsync();
        using var two = await second.LoginAsync();

        var ns = await one.NamespaceAsync("shared");
        var created = await one.CreateTableAsync(ns, "t");
        var location = created.GetProperty("metadata").GetProperty("location").GetString()!;
        for (var i = 1; i <= 5; i++)
        {
            // Load through the second host (it remembers the lookup), commit through the first, load again.
            var before = await two.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t"));
            long? parent = i == 1 ? null : before.GetProperty("metadata").GetProperty("current-snapshot-id").GetInt64();
            var committed = await one.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Table(ns, "t"), AppendCommit(100 + i, parent, i, location));
            var after = await two.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Table(ns, "t"));
            Assert.Equal(committed.GetProperty("metadata-location").GetString(), after.GetProperty("metadata-location").GetString());
        }

        await one.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, Table(ns, "t"));
        await two.ExpectErrorAsync(HttpStatusCode.NotFound, "NoSuchTableException", HttpMethod.Get, Table(ns, "t"));
    }
}
