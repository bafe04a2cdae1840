using Dapper;
using Iomete.Platform.Data;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>A reminder that is due: fire it on the actor it names.</summary>
public sealed record DueReminder(string ActorType, string ActorId, string Name, long DueMs);

/// <summary>
/// Durable one-shot actor reminders (Dapr actor reminders' role), kept in the service database so that a restarted
/// process still fires them; <see cref="ReminderPump"/> fires the due ones. Registering again replaces the due time.
/// </summary>
public sealed class ActorReminders(IMetadataDb db)
{
    public async Task RegisterAsync(string actorType, string actorId, string name, DateTimeOffset due, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO actor_reminders (actor_type, actor_id, name, due_ms) VALUES (@Type, @Id, @Name, @Due)
            ON CONFLICT (actor_type, actor_id, name) DO UPDATE SET due_ms = excluded.due_ms
            """,
            new { Type = actorType, Id = actorId, Name = name, Due = due.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    /// <summary>Removes one reminder, or every reminder of the actor when <paramref name="name"/> is null.</summary>
    public async Task UnregisterAsync(string actorType, string actorId, string? name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM actor_reminders WHERE actor_type = @Type AND actor_id = @Id" + (name is null ? "" : " AND name = @Name"),
            new { Type = actorType, Id = actorId, Name = name }, cancellationToken: ct));
    }

    public async Task<DateTimeOffset?> DueAsync(string actorType, string actorId, string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var due = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT due_ms FROM actor_reminders WHERE actor_type = @Type AND actor_id = @Id AND name = @Name",
            new { Type = actorType, Id = actorId, Name = name }, cancellationToken: ct));
        return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task<IReadOnlyList<DueReminder>> ListDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var rows = await connection.QueryAsync<DueReminder>(new CommandDefinition(
            "SELECT actor_type AS ActorType, actor_id AS ActorId, name AS Name, due_ms AS DueMs FROM actor_reminders WHERE due_ms <= @Now ORDER BY due_ms LIMIT 100",
            new { Now = now.ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>Takes a due reminder off the table unless it was registered again meanwhile; true when this caller may fire it.</summary>
    public async Task<bool> TryTakeAsync(DueReminder reminder, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM actor_reminders WHERE actor_type = @ActorType AND actor_id = @ActorId AND name = @Name AND due_ms = @DueMs",
            reminder, cancellationToken: ct)) == 1;
    }
}
