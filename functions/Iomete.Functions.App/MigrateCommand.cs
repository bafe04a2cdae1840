using Iomete.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.App;

/// <summary>
/// <c>Iomete.Functions.App.dll --migrate</c>: creates every service's metadata database and runs its migrations, then exits
/// (0 when all are current). The chart's pre-install/pre-upgrade Job runs it, so function pods never race to migrate.
/// Opening a service's database is what creates and migrates it (under an advisory lock on PostgreSQL).
/// </summary>
public static partial class MigrateCommand
{
    public const string Flag = "--migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder([.. args.Where(a => a != Flag)]);
        builder.Services.AddIometeApp();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        var db = host.Services.GetRequiredService<IMetadataDb>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            foreach (var service in host.Services.GetServices<ServiceDatabase>().Select(d => d.Service).Distinct(StringComparer.Ordinal))
            {
                await using (await db.OpenAsync(service, timeout.Token))
                {
                    LogMigrated(logger, service, db.Engine.ToString());
                }
            }
            return 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, e);
            return 1;
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Database of service {Service} is created and migrated ({Engine})")]
    private static partial void LogMigrated(ILogger logger, string service, string engine);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Migrating the metadata databases failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
