using System.Data.Common;
using Dapper;

namespace Iomete.Platform.Data;

/// <summary>
/// Opens a service's database after seeding default rows once per installation. A row in the service's
/// <c>seeds</c> table marks the seed as applied, so it runs once across restarts and replicas, and
/// defaults a user deleted or edited do not come back.
/// </summary>
public sealed class SeededDatabase(IMetadataDb db, TimeProvider clock, string service, string seedName,
    Func<DbConnection, DbTransaction, CancellationToken, Task> seed)
{
    private volatile bool seeded;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await db.OpenAsync(service, ct);
        if (seeded)
        {
            return connection;
        }
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var first = await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO seeds (name, applied_ms) VALUES (@Name, @Now) ON CONFLICT (name) DO NOTHING",
                new { Name = seedName, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
            if (first == 1)
            {
                await seed(connection, tx, ct);
            }
            await tx.CommitAsync(ct);
            seeded = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
