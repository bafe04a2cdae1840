using Iomete.Testing;

namespace Iomete.Platform.Tests.Audit;

[NeedsServices(TestService.Postgres)]
public sealed class PostgresAuditLogTests : AuditLogContract
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync() =>
        (await PostgresServer.SharedAsync()).Settings(PostgresServer.NewDatabasePrefix());
}
