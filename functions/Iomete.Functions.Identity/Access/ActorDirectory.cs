using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Access;

/// <summary>
/// Looks up users and groups (tables of the Users and Groups folders) to check that an actor
/// exists and to show its name. Requests may name a user by id or username, a group by id or
/// name; the stored reference is always the id.
/// </summary>
public sealed class ActorDirectory(IMetadataDb db)
{
    /// <summary>The actor with its stored id and name, or a 404 naming it.</summary>
    public async Task<ActorView> RequireAsync(ActorRequest actor, CancellationToken ct) =>
        await FindAsync(actor.Type, actor.Id, ct)
        ?? throw new NotFoundException(actor.Type == ActorType.User ? "User" : "Group", actor.Id);

    public async Task<ActorView?> FindAsync(ActorType type, string key, CancellationToken ct)
    {
        var sql = type == ActorType.User
            ? "SELECT id, username AS name FROM users WHERE id = @Key OR username = @Lower"
            : "SELECT id, name FROM user_groups WHERE id = @Key OR name = @Key";
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var rows = (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            sql, new { Key = key.Trim(), Lower = key.Trim().ToLowerInvariant() }, cancellationToken: ct))).ToList();
        // An id match wins over a name match (a name could look like another actor's id).
        var row = rows.FirstOrDefault(r => r.Id == key.Trim());
        if (row.Id is null && rows.Count > 0)
        {
            row = rows[0];
        }
        return row.Id is null ? null : new ActorView(row.Id, type, row.Name);
    }

    /// <summary>Display names of stored actors, keyed by (stored type, id); unknown actors are left out.</summary>
    public async Task<IReadOnlyDictionary<(string Type, string Id), string>> NamesAsync(IEnumerable<(string Type, string Id)> actors, CancellationToken ct)
    {
        var list = actors.Distinct().ToList();
        var names = new Dictionary<(string, string), string>();
        if (list.Count == 0)
        {
            return names;
        }
        var args = new DynamicParameters();
        var users = SqlList.In("id", list.Where(a => a.Type == "USER").Select(a => a.Id).ToList(), args, "U");
        var groups = SqlList.In("id", list.Where(a => a.Type == "GROUP").Select(a => a.Id).ToList(), args, "G");
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var rows = await connection.QueryAsync<NameRow>(new CommandDefinition(
            $"SELECT 'USER' AS Type, id, username AS Name FROM users WHERE {users} UNION ALL SELECT 'GROUP' AS Type, id, name FROM user_groups WHERE {groups}",
            args, cancellationToken: ct));
        foreach (var row in rows)
        {
            names[(row.Type, row.Id)] = row.Name;
        }
        return names;
    }

    // A class, not a tuple: SQLite reports no type for the literal column of an empty result.
    private sealed class NameRow
    {
        public string Type { get; set; } = string.Empty;
        public string Id { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
    }

    /// <summary>The view of a stored actor, with its name when it still exists.</summary>
    public static ActorView View(string type, string id, IReadOnlyDictionary<(string Type, string Id), string> names) =>
        new(id, ActorTypes.FromDb(type), names.GetValueOrDefault((type, id)));
}
