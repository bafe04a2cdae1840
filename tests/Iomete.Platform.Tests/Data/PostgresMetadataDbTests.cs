using Dapper;
using Iomete.Platform.Data;
using Iomete.Testing;
using Npgsql;

namespace Iomete.Platform.Tests.Data;

[NeedsServices(TestService.Postgres)]
public sealed class PostgresMetadataDbTests : MetadataDbContract
{
    private readonly string _prefix = PostgresServer.NewDatabasePrefix();

    protected override async Task<Dictionary<string, string?>> SettingsAsync() =>
        (await PostgresServer.SharedAsync()).Settings(_prefix);

    [ServiceFact]
    public async Task FirstOpen_CreatesTheServiceDatabase()
    {
        var server = await PostgresServer.SharedAsync();
        var db = await NewDbAsync();

        await using (await db.OpenAsync(TestDatabase.Service, CancellationToken.None))
        {
        }

        Assert.Equal(MetadataEngine.Postgres, db.Engine);
        await using var admin = new NpgsqlConnection(server.ConnectionString);
        Assert.Equal(1, await admin.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pg_database WHERE datname = @Name", new { Name = _prefix + "testsvc" }));
    }
}
