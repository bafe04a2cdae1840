using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Platform.Data;

/// <summary>Runs one service's FluentMigrator migrations against one connection string.</summary>
internal static class MigrationRunner
{
    public static void MigrateUp(MetadataEngine engine, string connectionString, ServiceDatabase database)
    {
        if (database.MigrationsAssembly is null)
        {
            return;
        }
        using var provider = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(rb =>
            {
                _ = engine == MetadataEngine.Sqlite ? rb.AddSQLite() : rb.AddPostgres();
                rb.WithGlobalConnectionString(connectionString)
                    .ScanIn(database.MigrationsAssembly).For.Migrations();
            })
            .Configure<RunnerOptions>(o => o.Tags = [database.Service])
            .BuildServiceProvider(validateScopes: false);
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
    }
}
