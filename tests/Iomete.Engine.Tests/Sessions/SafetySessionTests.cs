using Iomete.Engine.Sessions;

namespace Iomete.Engine.Tests.Sessions;

public sealed class SafetySessionTests(SessionFixture fixture) : IClassFixture<SessionFixture>
{
    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM read_parquet('/tmp/x.parquet')")]
    [InlineData("SELECT * FROM glob('/etc/*')")]
    [InlineData("SELECT * FROM duckdb_tables()")]
    [InlineData("COPY (SELECT 1) TO '/tmp/out.csv'")]
    [InlineData("ATTACH '/tmp/x.duckdb' AS x")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("PRAGMA version")]
    [InlineData("CALL pragma_version()")]
    public async Task FileUrlExtensionAndSettingAccess_IsRefused(string sql)
    {
        await using var session = await fixture.SessionAsync();
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => session.QueryAsync(sql));
    }

    [Fact]
    public async Task TableFunctionsHiddenInsideRowChanges_AreRefused()
    {
        await using var session = await fixture.SessionAsync();
        await session.RunAsync("CREATE TABLE victim AS SELECT 1 AS id");
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => session.RunAsync("DELETE FROM victim WHERE id IN (SELECT 1 FROM read_csv('/etc/passwd'))"));
        await Assert.ThrowsAsync<SqlNotAllowedException>(() => session.RunAsync("INSERT INTO victim SELECT 1 FROM read_csv('/etc/passwd')"));
        Assert.Equal(["1"], (await session.QueryAsync("SELECT id FROM victim")).Lines());
    }

    [Fact]
    public async Task SyntaxError_CarriesDuckDbsMessageAndPosition()
    {
        await using var session = await fixture.SessionAsync();
        var error = await Assert.ThrowsAsync<SqlSyntaxException>(() => session.QueryAsync("SELECT * FORM nowhere"));
        Assert.Contains("syntax error", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(error.Position);
    }

    [Fact]
    public async Task MissingTable_IsObjectNotFound()
    {
        await using var session = await fixture.SessionAsync();
        var error = await Assert.ThrowsAsync<SqlObjectNotFoundException>(() => session.QueryAsync("SELECT * FROM no_such_table"));
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledQuery_StopsWithinASecond()
    {
        await using var session = await fixture.SessionAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            session.ExecuteAsync("SELECT count(*) FROM range(100000000000) a", (_, _) => Task.CompletedTask, cts.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal(["1"], (await session.QueryAsync("SELECT 1")).Lines());
    }
}
