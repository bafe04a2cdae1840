using Iomete.Testing;
using Npgsql;

namespace Iomete.Functions.App.Tests.Host;

/// <summary>
/// <c>Iomete.Functions.App.dll --migrate</c> (the chart's pre-install Job) against a real PostgreSQL server: it creates every
/// service's database with its migrations, runs again without harm, and fails with a non-zero exit when it cannot reach the server.
/// </summary>
public sealed class MigrateCommandTests
{
    private static string AppDll()
    {
        var metadata = FunctionsMetadata.FilePath();
        return Path.Combine(Path.GetDirectoryName(metadata)!, "Iomete.Functions.App.dll");
    }

    private static Task<string> MigrateAsync(string connectionString, string prefix, string dataDir) => TestProcess.RunAsync("dotnet",
        [AppDll(), "--migrate", "--Iomete:MetadataDb:Engine", "Postgres", "--Iomete:MetadataDb:ConnectionString", connectionString,
            "--Iomete:MetadataDb:DatabasePrefix", prefix, "--Iomete:DataDir", dataDir],
        TimeSpan.FromMinutes(5));

    [Fact]
    public async Task Migrate_CreatesEveryServicesDatabase_WithItsMigrations_AndCanRunAgain()
    {
        if (PostgresServer.MissingReason() is not null && !Requires.InCi)
        {
            return; // No PostgreSQL binaries on this machine; CI installs them.
        }
        var server = await PostgresServer.SharedAsync();
        var prefix = PostgresServer.NewDatabasePrefix();
        var dataDir = Directory.CreateTempSubdirectory("iomete-migrate-").FullName;

        var output = await MigrateAsync(server.ConnectionString, prefix, dataDir);
        var databases = await DatabasesAsync(server, prefix);
        foreach (var service in new[] { "identity", "sql", "catalog", "clusters" })
        {
            Assert.Contains(prefix + service, databases);
            Assert.Contains("is created and migrated", output, StringComparison.Ordinal);
        }
        await using (var connection = new NpgsqlConnection(server.ConnectionStringFor(prefix + "identity")))
        {
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            Assert.True((long)(await tables.ExecuteScalarAsync())! > 3);
        }

        await MigrateAsync(server.ConnectionString, prefix, dataDir);
        Assert.Equal(databases, await DatabasesAsync(server, prefix));
    }

    [Fact]
    public async Task Migrate_WithoutAReachableServer_ExitsNonZero()
    {
        var dead = $"Host=127.0.0.1;Port={TestProcess.FreePort()};Username=nobody;Password=x;Timeout=3";
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            MigrateAsync(dead, PostgresServer.NewDatabasePrefix(), Directory.CreateTempSubdirectory("iomete-migrate-").FullName));
        Assert.Contains("exited with 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Migrating the metadata databases failed", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> DatabasesAsync(PostgresServer server, string prefix)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p ORDER BY datname", connection);
        command.Parameters.AddWithValue("p", prefix + "%");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
