using Dapper;
using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Roles;

public enum Principal
{
    User,
    Group,
}

/// <summary>Admin roles assigned directly to users and groups.</summary>
public sealed class RoleStore(IdentityDb db)
{
    public async Task<IReadOnlyList<AdminRole>> AssignedAsync(Principal principal, string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT role FROM admin_role_assignments WHERE principal_type = @type AND principal_id = @id",
            new { type = DbEnum<Principal>.Name(principal), id }, cancellationToken: ct));
        return names.Select(n => DbEnum<AdminRole>.TryParse(n, out var r) ? (AdminRole?)r : null)
            .OfType<AdminRole>().Order().ToList();
    }

    /// <summary>Replaces the roles assigned directly to a user or group.</summary>
    public async Task ReplaceAsync(Principal principal, string id, IEnumerable<AdminRole> roles, CancellationToken ct)
    {
        var type = DbEnum<Principal>.Name(principal);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM admin_role_assignments WHERE principal_type = @type AND principal_id = @id", new { type, id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO admin_role_assignments (principal_type, principal_id, role) VALUES (@type, @id, @role)",
            roles.Distinct().Select(r => new { type, id, role = DbEnum<AdminRole>.Name(r) }), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>A user's effective groups and admin roles (direct and through groups, transitively).</summary>
    public async Task<Membership> EffectiveAsync(string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await EffectiveMembership.LoadAsync(connection, userId, ct);
    }
}
