using System.Text.Json;
using Iomete.Engine.Catalogs;
using Iomete.Engine.Tests.Interop;
using Iomete.Testing;

namespace Iomete.Engine.Tests.Sessions;

/// <summary>Tables written by SQL (CTAS, INSERT, UPDATE, DELETE, MERGE, partitioned) read back by the independent reader icebird.</summary>
public sealed class IcebirdSessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [ServiceFact(TestService.Node)]
    public async Task TablesWrittenBySql_ReadBackIdenticallyWithIcebird()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE written (id INT, name VARCHAR, score DOUBLE, region VARCHAR) PARTITIONED BY (region)");
        await session.RunAsync("INSERT INTO written SELECT range::INT, 'n' || range, range / 4, CASE WHEN range % 2 = 0 THEN 'eu' ELSE 'us' END FROM range(20)");
        await session.RunAsync("DELETE FROM written WHERE id % 5 = 0");
        await session.RunAsync("UPDATE written SET score = -1 WHERE id = 7");
        await session.RunAsync("MERGE INTO written USING (SELECT 3 AS id) s ON written.id = s.id WHEN MATCHED THEN UPDATE SET name = 'merged'");

        var ours = await session.QueryAsync("SELECT id, name, score, region FROM written");
        var table = await fixture.Catalogs.LoadTableAsync(new TableIdent(SessionFixture.Catalog, session.CurrentDatabase!, "written"), CancellationToken.None);
        var theirs = await IcebirdReadTests.ReadAsync(new Uri(table!.MetadataLocation).LocalPath);

        Assert.Equal(16, theirs.Count);
        Assert.Equal(Normalize(ours.Select(r => JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = r[0], ["name"] = r[1], ["score"] = r[2], ["region"] = r[3] }))), Normalize(theirs));
    }

    private static List<string> Normalize(IEnumerable<string> rows) =>
        [.. rows.Select(r =>
        {
            using var doc = JsonDocument.Parse(r);
            var o = doc.RootElement;
            return $"{o.GetProperty("id").GetInt32()}|{o.GetProperty("name").GetString()}|{o.GetProperty("score").GetDouble()}|{o.GetProperty("region").GetString()}";
        }).Order(StringComparer.Ordinal)];
}
