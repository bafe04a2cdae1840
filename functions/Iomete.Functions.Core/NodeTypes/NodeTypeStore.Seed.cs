using System.Data.Common;
using Iomete.Platform.Data;

namespace Iomete.Functions.Core.NodeTypes;

public sealed partial class NodeTypeStore
{
    private SeededDatabase? database;

    // Built on first use (a field initializer cannot call the instance's SeedAsync); a racing second instance is harmless.
    private Task<DbConnection> OpenAsync(CancellationToken ct) =>
        (database ??= new SeededDatabase(db, clock, CoreRegistration.Service, DefaultNodeTypes.SeedName, SeedAsync)).OpenAsync(ct);

    /// <summary>Adds the default node types (once per installation, across restarts and replicas).</summary>
    private async Task SeedAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var spec in DefaultNodeTypes.All)
        {
            await InsertAsync(connection, tx, spec, ids.NewId(), now, ct, onConflictDoNothing: true);
        }
    }
}
