using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Tests.TestSupport;

namespace Iomete.Platform.Tests.Data;

public sealed class SqliteMetadataDbTests : MetadataDbContract
{
    private readonly TempFolder _dataDir = new();

    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Iomete:DataDir"] = _dataDir.Path,
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dataDir.Dispose();
    }

    [Fact]
    public async Task Database_IsAFileInWalModeUnderTheDataDir()
    {
        var db = await NewDbAsync();

        await using var connection = await db.OpenAsync(TestDatabase.Service, CancellationToken.None);

        Assert.Equal(MetadataEngine.Sqlite, db.Engine);
        Assert.True(File.Exists(Path.Combine(_dataDir.Path, "metadata", "testsvc.db")));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
    }
}
