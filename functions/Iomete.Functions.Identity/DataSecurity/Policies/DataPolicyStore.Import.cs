using Dapper;
using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.DataSecurity.Roles;
using Iomete.Functions.Identity.DataSecurity.Storage;
using Iomete.Functions.Identity.DataSecurity.Transfer;
using Iomete.Functions.Identity.Storage;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

public sealed partial class DataPolicyStore
{
    /// <summary>
    /// Writes a validated import in one transaction: policies upserted by (service, name), roles by name; with
    /// <paramref name="replace"/>, policies and roles the import does not name are deleted.
    /// </summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<(PolicyKind Kind, RangerPolicy Policy)> policies, IReadOnlyList<RangerRole> roles,
        bool replace, string? by, DataRoleStore roleStore, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var existing = (await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM data_policies", transaction: tx, cancellationToken: ct)))
            .Select(r => r.ToPolicy()).ToDictionary(p => (p.Kind.Service(), p.Name));
        int created = 0, updated = 0, deleted = 0;
        foreach (var (kind, policy) in policies)
        {
            var domain = string.IsNullOrWhiteSpace(policy.ZoneName) ? null : policy.ZoneName;
            if (existing.Remove((kind.Service(), policy.Name), out var current))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE data_policies SET kind = @Kind, enabled = @Enabled, priority = @Priority, domain = @Domain, body = @Body,
                      version = version + 1, updated_by = @By, updated_at_ms = @Now
                    WHERE id = @Id
                    """,
                    new
                    {
                        current.Id, Kind = kind.Name(), Enabled = policy.IsEnabled, Priority = policy.PolicyPriority, Domain = domain,
                        Body = Serialize(policy), By = by, Now = IdentityDb.Ms(clock.GetUtcNow()),
                    }, tx, cancellationToken: ct));
                updated++;
            }
            else
            {
                await InsertAsync(connection, tx, kind, policy, domain, by, ct);
                created++;
            }
        }
        if (replace)
        {
            foreach (var stale in existing.Values)
            {
                deleted += await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM data_policies WHERE id = @Id", new { stale.Id }, tx, cancellationToken: ct));
            }
        }

        var storedRoles = (await DataRoleStore.ReadAllAsync(connection, tx, ct)).ToDictionary(r => r.Role.Name, StringComparer.Ordinal);
        int rolesCreated = 0, rolesUpdated = 0, rolesDeleted = 0;
        foreach (var role in roles)
        {
            if (storedRoles.Remove(role.Name, out var current))
            {
                await roleStore.WriteAsync(connection, tx, current.Id, null, role, by, ct);
                rolesUpdated++;
            }
            else
            {
                await roleStore.WriteAsync(connection, tx, null, null, role, by, ct);
                rolesCreated++;
            }
        }
        if (replace)
        {
            foreach (var stale in storedRoles.Keys)
            {
                await DataRoleStore.DeleteByNameAsync(connection, tx, stale, ct);
                rolesDeleted++;
            }
        }
        var version = await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return new ImportResult(replace ? "replace" : "merge", new ImportCounts(created, updated, deleted),
            new ImportCounts(rolesCreated, rolesUpdated, rolesDeleted), version);
    }
}
