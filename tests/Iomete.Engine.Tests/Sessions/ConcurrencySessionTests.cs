namespace Iomete.Engine.Tests.Sessions;

public sealed class ConcurrencySessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Fact]
    public async Task ConcurrentWritersToOneTable_LoseNoCommit()
    {
        await using var setup = await fixture.SessionAsync();
        var db = setup.CurrentDatabase!;
        await setup.RunAsync("CREATE TABLE counter (writer INT, n INT)");
        const int writers = 4;
        const int rounds = 5;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            await using var session = await fixture.SessionAsync(database: db);
            for (var r = 0; r < rounds; r++)
            {
                await session.RunAsync($"INSERT INTO counter VALUES ({w}, {r})");
                if (r == 2)
                {
                    await session.RunAsync($"UPDATE counter SET n = n + 100 WHERE writer = {w} AND n = 0");
                }
            }
        }));
        Assert.Equal([$"{writers * rounds}"], (await setup.QueryAsync("SELECT count(*) FROM counter")).Lines());
        Assert.Equal([$"{writers}"], (await setup.QueryAsync("SELECT count(*) FROM counter WHERE n = 100")).Lines());
    }
}
