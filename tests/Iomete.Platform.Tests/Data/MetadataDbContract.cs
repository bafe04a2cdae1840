using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Tests.TestSupport;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Platform.Tests.Data;

/// <summary>What every metadata DB engine must do; run against SQLite and real PostgreSQL.</summary>
public abstract class MetadataDbContract : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>Settings that point a fresh platform at this test's database location.</summary>
    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    /// <summary>A new <see cref="IMetadataDb"/> (new process, as far as it can tell) over the same location.</summary>
    protected async Task<IMetadataDb> NewDbAsync()
    {
        var provider = PlatformServices.Build(await SettingsAsync());
        _providers.Add(provider);
        return provider.GetRequiredService<IMetadataDb>();
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    [ServiceFact]
    public async Task FirstOpen_RunsTheServiceMigrations()
    {
        var db = await NewDbAsync();

        await using var connection = await db.OpenAsync(TestDatabase.Service, CancellationToken.None);

        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM \"VersionInfo\" WHERE \"Version\" = 1"));
    }

    [ServiceFact]
    public async Task Open_OfAnUnregisteredService_Throws()
    {
        var db = await NewDbAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.OpenAsync("nosuchservice", CancellationToken.None));
    }

    [ServiceFact]
    public async Task DuplicateKey_IsAUniqueViolation_AndOtherErrorsAreNot()
    {
        var db = await NewDbAsync();
        await using var connection = await db.OpenAsync(TestDatabase.Service, CancellationToken.None);
        await InsertAsync(connection, "a", "alpha");

        var samePrimaryKey = await Assert.ThrowsAnyAsync<DbException>(() => InsertAsync(connection, "a", "other"));
        var sameUniqueName = await Assert.ThrowsAnyAsync<DbException>(() => InsertAsync(connection, "b", "alpha"));
        var badSql = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync("SELECT nosuchcolumn FROM items"));

        Assert.True(db.IsUniqueViolation(samePrimaryKey));
        Assert.True(db.IsUniqueViolation(sameUniqueName));
        Assert.False(db.IsUniqueViolation(badSql));
        Assert.False(db.IsUniqueViolation(new InvalidOperationException("UNIQUE constraint failed")));
    }

    [ServiceFact]
    public async Task CompareAndSwap_WithTwoRacingWriters_LetsExactlyOneWin()
    {
        var db = await NewDbAsync();
        await using (var setup = await db.OpenAsync(TestDatabase.Service, CancellationToken.None))
        {
            await InsertAsync(setup, "cas", "v1");
        }

        for (var round = 1; round <= 5; round++)
        {
            using var start = new Barrier(2);
            var writers = Enumerable.Range(0, 2).Select(writer => Task.Run(async () =>
            {
                await using var connection = await db.OpenAsync(TestDatabase.Service, CancellationToken.None);
                var seen = await connection.ExecuteScalarAsync<long>("SELECT version FROM items WHERE id = 'cas'");
                start.SignalAndWait(TimeSpan.FromSeconds(10));
                return await connection.ExecuteAsync(
                    "UPDATE items SET name = @Name, version = version + 1 WHERE id = 'cas' AND version = @Seen",
                    new { Name = $"r{round}w{writer}", Seen = seen });
            })).ToList();
            var updated = await Task.WhenAll(writers);

            Assert.Equal([0, 1], updated.Order());
        }
        await using var check = await db.OpenAsync(TestDatabase.Service, CancellationToken.None);
        Assert.Equal(6, await check.ExecuteScalarAsync<long>("SELECT version FROM items WHERE id = 'cas'"));
    }

    [ServiceFact]
    public async Task Data_SurvivesReopeningWithANewInstance()
    {
        var first = await NewDbAsync();
        await using (var connection = await first.OpenAsync(TestDatabase.Service, CancellationToken.None))
        {
            await InsertAsync(connection, "kept", "kept-name");
        }
        await _providers[0].DisposeAsync();
        _providers.RemoveAt(0);

        var second = await NewDbAsync();
        await using var reopened = await second.OpenAsync(TestDatabase.Service, CancellationToken.None);

        Assert.Equal("kept-name", await reopened.ExecuteScalarAsync<string>("SELECT name FROM items WHERE id = 'kept'"));
        Assert.Equal(1, await reopened.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM \"VersionInfo\""));
    }

    [ServiceFact]
    public async Task FirstOpen_FromTwoInstancesAtOnce_MigratesOnceAndBothWork()
    {
        var a = await NewDbAsync();
        var b = await NewDbAsync();

        var opened = await Task.WhenAll(
            Task.Run(() => a.OpenAsync(TestDatabase.Service, CancellationToken.None)),
            Task.Run(() => b.OpenAsync(TestDatabase.Service, CancellationToken.None)));

        await using var first = opened[0];
        await using var second = opened[1];
        await InsertAsync(first, "x", "from-a");
        Assert.Equal("from-a", await second.ExecuteScalarAsync<string>("SELECT name FROM items WHERE id = 'x'"));
        Assert.Equal(1, await second.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM \"VersionInfo\""));
    }

    [ServiceFact]
    public async Task Open_WithACancelledToken_Throws_AndALaterOpenWorks()
    {
        var db = await NewDbAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.OpenAsync(TestDatabase.Service, new CancellationToken(canceled: true)));
        await using var connection = await db.OpenAsync(TestDatabase.Service, CancellationToken.None);

        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    protected static Task<int> InsertAsync(DbConnection connection, string id, string name) =>
        connection.ExecuteAsync("INSERT INTO items (id, name, version) VALUES (@Id, @Name, 1)", new { Id = id, Name = name });
}
