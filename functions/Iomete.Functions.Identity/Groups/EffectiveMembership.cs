using System.Data.Common;
using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Groups;

/// <summary>A user's groups (direct and every ancestor through sub-groups) and the admin roles they give.</summary>
public sealed record Membership(IReadOnlySet<string> GroupIds, IReadOnlySet<AdminRole> AdminRoles);

internal static class EffectiveMembership
{
    // UNION (not UNION ALL) makes the recursion stop even if the hierarchy ever held a cycle.
    private const string GroupsOfUser =
        """
        WITH RECURSIVE g(id) AS (
            SELECT group_id FROM group_members WHERE user_id = @userId
            UNION
            SELECT s.parent_id FROM group_subgroups s JOIN g ON s.child_id = g.id
        )
        """;

    /// <summary>One query: the user's effective group ids and effective admin roles.</summary>
    public static async Task<Membership> LoadAsync(DbConnection connection, string userId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string Kind, string Value)>(new CommandDefinition(
            GroupsOfUser +
            """
            SELECT 'G' AS Kind, id AS Value FROM g
            UNION ALL
            SELECT 'R' AS Kind, role AS Value FROM admin_role_assignments
            WHERE (principal_type = 'USER' AND principal_id = @userId)
               OR (principal_type = 'GROUP' AND principal_id IN (SELECT id FROM g))
            """,
            new { userId }, cancellationToken: ct));
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var roles = new HashSet<AdminRole>();
        foreach (var (kind, value) in rows)
        {
            if (kind == "G")
            {
                groups.Add(value);
            }
            else if (DbEnum<AdminRole>.TryParse(value, out var role))
            {
                roles.Add(role);
            }
        }
        return new Membership(groups, roles);
    }
}
