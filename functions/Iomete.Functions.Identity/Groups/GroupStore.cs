using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Users;

namespace Iomete.Functions.Identity.Groups;

/// <summary>Groups, their members and sub-groups in the identity database.</summary>
public sealed class GroupStore(IdentityDb db)
{
    /// <summary>Id and name of each of <paramref name="ids"/> that exists, ordered by name.</summary>
    public async Task<IReadOnlyList<GroupRef>> RefsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.ToArray();
        if (list.Length == 0)
        {
            return [];
        }
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            "SELECT id AS Id, name AS Name FROM user_groups WHERE id IN @list ORDER BY name", new { list }, cancellationToken: ct));
        return rows.Select(r => new GroupRef(r.Id, r.Name)).ToList();
    }
}
