namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// The task hub's tables (all names start with the table prefix):
/// <c>instances</c> (one row per instance: current execution, status, inputs/outputs, the orchestration lease),
/// <c>history</c> (the current execution's history events in order),
/// <c>new_events</c> (messages for orchestrations, timers included, each visible from <c>visible_at</c>) and
/// <c>new_tasks</c> (activity messages; a lock pushes <c>visible_at</c> to the lease's expiry).
/// Instants are UTC epoch milliseconds; payloads are DurableTask.Core JSON.
/// </summary>
internal static class SqlSchema
{
    public static IReadOnlyList<string> Statements(string p, SqlDatabase db) =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS {p}instances (
            instance_id TEXT NOT NULL PRIMARY KEY,
            execution_id TEXT NOT NULL,
            name TEXT NOT NULL,
            version TEXT NULL,
            status INTEGER NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            completed_at BIGINT NULL,
            input TEXT NULL,
            output TEXT NULL,
            custom_status TEXT NULL,
            failure TEXT NULL,
            parent_instance_id TEXT NULL,
            tags TEXT NULL,
            scheduled_start_at BIGINT NULL,
            lock_owner TEXT NULL,
            lock_token TEXT NULL,
            lock_expires BIGINT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS {p}instances_created ON {p}instances (created_at)",
        $"CREATE INDEX IF NOT EXISTS {p}instances_status ON {p}instances (status, created_at)",
        $"""
        CREATE TABLE IF NOT EXISTS {p}history (
            instance_id TEXT NOT NULL,
            execution_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            event_type INTEGER NOT NULL,
            event_time BIGINT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (instance_id, execution_id, seq))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {p}new_events (
            seq {db.AutoIncrementKey},
            instance_id TEXT NOT NULL,
            execution_id TEXT NULL,
            event_type INTEGER NOT NULL,
            visible_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            payload TEXT NOT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS {p}new_events_visible ON {p}new_events (visible_at)",
        $"CREATE INDEX IF NOT EXISTS {p}new_events_instance ON {p}new_events (instance_id, visible_at)",
        $"""
        CREATE TABLE IF NOT EXISTS {p}new_tasks (
            seq {db.AutoIncrementKey},
            instance_id TEXT NOT NULL,
            execution_id TEXT NULL,
            name TEXT NOT NULL,
            visible_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            lock_owner TEXT NULL,
            lock_token TEXT NULL,
            payload TEXT NOT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS {p}new_tasks_visible ON {p}new_tasks (visible_at)",
        $"CREATE INDEX IF NOT EXISTS {p}new_tasks_instance ON {p}new_tasks (instance_id)",
    ];
}
