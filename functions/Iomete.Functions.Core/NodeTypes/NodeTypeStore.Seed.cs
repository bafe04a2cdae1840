using System.Data.Common;
using Dapper;

namespace Iomete.Functions.Core.NodeTypes;

public sealed partial class NodeTypeStore
{
    private volatile bool _seeded;

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        if (_seeded)
        {
            return connection;
        }
        try
        {
            await SeedAsync(connection, ct);
            _seeded = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds the default node types once per installation; a seed marker makes it idempotent across restarts and replicas.</summary>
    private async Task SeedAsync(DbConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var first = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO seeds (name, applied_ms) VALUES (@Name, @Now) ON CONFLICT (name) DO NOTHING",
            new { Name = DefaultNodeTypes.SeedName, Now = now }, tx, cancellationToken: ct));
        if (first == 1)
        {
            foreach (var spec in DefaultNodeTypes.All)
            {
                await InsertAsync(connection, tx, spec, ids.NewId(), now, ct, onConflictDoNothing: true);
            }
        }
        await tx.CommitAsync(ct);
    }
}
