namespace Iomete.DurableTask.Sql.Backend;

/// <summary>The SQL of the task hub, written once for both databases (named parameters, LIMIT, RETURNING).</summary>
internal sealed class SqlCommands
{
    public static readonly string[] Tables = ["new_tasks", "new_events", "history", "instances"];

    public SqlCommands(string p, SqlDatabase db)
    {
        LockInstances = $"""
            UPDATE {p}instances SET lock_owner = @owner, lock_token = @token, lock_expires = @expires
            WHERE instance_id IN (
                SELECT i.instance_id FROM {p}new_events e JOIN {p}instances i ON i.instance_id = e.instance_id
                WHERE e.visible_at <= @now AND (i.lock_expires IS NULL OR i.lock_expires < @now)
                ORDER BY e.visible_at LIMIT @batch{db.SkipLocked("i")})
            AND (lock_expires IS NULL OR lock_expires < @now)
            RETURNING instance_id AS InstanceId, execution_id AS ExecutionId, status AS Status
            """;
        LoadMessages = $"""
            SELECT seq AS Seq, execution_id AS ExecutionId, payload AS Payload FROM {p}new_events
            WHERE instance_id = @id AND visible_at <= @now ORDER BY seq
            """;
        LoadHistory = $"SELECT payload FROM {p}history WHERE instance_id = @id AND execution_id = @executionId ORDER BY seq";
        CheckpointInstance = $"""
            UPDATE {p}instances SET execution_id = @ExecutionId, name = @Name, version = @Version, status = @Status,
                updated_at = @UpdatedAt, completed_at = @CompletedAt, input = @Input, output = @Output,
                custom_status = @CustomStatus, failure = @Failure, tags = @Tags,
                lock_owner = NULL, lock_token = NULL, lock_expires = NULL
            WHERE instance_id = @InstanceId AND lock_token = @Token
            """;
        DeleteOtherExecutions = $"DELETE FROM {p}history WHERE instance_id = @id AND execution_id <> @executionId";
        InsertHistory = $"""
            INSERT INTO {p}history (instance_id, execution_id, seq, event_type, event_time, payload)
            VALUES (@InstanceId, @ExecutionId, @Seq, @EventType, @EventTime, @Payload)
            """;
        DeleteMessages = $"DELETE FROM {p}new_events WHERE {db.In("seq", "seqs")}";
        InsertMessage = $"""
            INSERT INTO {p}new_events (instance_id, execution_id, event_type, visible_at, created_at, payload)
            VALUES (@InstanceId, @ExecutionId, @EventType, @VisibleAt, @CreatedAt, @Payload)
            """;
        InsertTask = $"""
            INSERT INTO {p}new_tasks (instance_id, execution_id, name, visible_at, created_at, payload)
            VALUES (@InstanceId, @ExecutionId, @Name, @VisibleAt, @CreatedAt, @Payload)
            """;
        ReleaseInstance = $"UPDATE {p}instances SET lock_owner = NULL, lock_token = NULL, lock_expires = NULL WHERE instance_id = @id AND lock_token = @token";
        DelayMessages = $"UPDATE {p}new_events SET visible_at = @visibleAt WHERE {db.In("seq", "seqs")}";
        RenewInstances = $"UPDATE {p}instances SET lock_expires = @expires WHERE {db.In("lock_token", "tokens")}";
        RenewTasks = $"UPDATE {p}new_tasks SET visible_at = @expires WHERE {db.In("lock_token", "tokens")}";

        LockTasks = $"""
            UPDATE {p}new_tasks SET lock_owner = @owner, lock_token = @token, visible_at = @expires, dequeue_count = dequeue_count + 1
            WHERE seq IN (SELECT seq FROM {p}new_tasks WHERE visible_at <= @now ORDER BY visible_at, seq LIMIT @batch{db.SkipLocked(null)})
            AND visible_at <= @now
            RETURNING seq AS Seq, payload AS Payload
            """;
        DeleteTask = $"DELETE FROM {p}new_tasks WHERE seq = @seq AND lock_token = @token";
        AbandonTask = $"UPDATE {p}new_tasks SET lock_owner = NULL, lock_token = NULL, visible_at = @visibleAt WHERE seq = @seq AND lock_token = @token";

        InstanceColumns = """
            instance_id AS InstanceId, execution_id AS ExecutionId, name AS Name, version AS Version, status AS Status,
            created_at AS CreatedAt, updated_at AS UpdatedAt, completed_at AS CompletedAt, input AS Input, output AS Output,
            custom_status AS CustomStatus, failure AS Failure, parent_instance_id AS ParentInstanceId, tags AS Tags,
            scheduled_start_at AS ScheduledStartAt
            """;
        GetInstance = $"SELECT {InstanceColumns} FROM {p}instances WHERE instance_id = @id";
        GetStatusForUpdate = $"SELECT status FROM {p}instances WHERE instance_id = @id{(db is PostgresDatabase ? " FOR UPDATE" : "")}";
        InsertInstance = $"""
            INSERT INTO {p}instances (instance_id, execution_id, name, version, status, created_at, updated_at, input,
                parent_instance_id, tags, scheduled_start_at)
            VALUES (@InstanceId, @ExecutionId, @Name, @Version, @Status, @CreatedAt, @UpdatedAt, @Input,
                @ParentInstanceId, @Tags, @ScheduledStartAt)
            """;
        ResetInstance = $"""
            UPDATE {p}instances SET execution_id = @ExecutionId, name = @Name, version = @Version, status = @Status,
                created_at = @CreatedAt, updated_at = @UpdatedAt, completed_at = NULL, input = @Input, output = NULL,
                custom_status = NULL, failure = NULL, parent_instance_id = @ParentInstanceId, tags = @Tags,
                scheduled_start_at = @ScheduledStartAt, lock_owner = NULL, lock_token = NULL, lock_expires = NULL
            WHERE instance_id = @InstanceId
            """;
        DeleteInstanceData = [
            $"DELETE FROM {p}history WHERE instance_id = @id",
            $"DELETE FROM {p}new_events WHERE instance_id = @id",
            $"DELETE FROM {p}new_tasks WHERE instance_id = @id",
        ];
        DeleteInstance = $"DELETE FROM {p}instances WHERE instance_id = @id AND {db.In("status", "statuses")}";
        Backlog = $"""
            SELECT (SELECT COUNT(DISTINCT instance_id) FROM {p}new_events WHERE visible_at <= @now) AS Orchestrations,
                   (SELECT COUNT(*) FROM {p}new_tasks) AS Activities
            """;
        Prefix = p;
    }

    public string Prefix { get; }

    public string LockInstances { get; }

    public string LoadMessages { get; }

    public string LoadHistory { get; }

    public string CheckpointInstance { get; }

    public string DeleteOtherExecutions { get; }

    public string InsertHistory { get; }

    public string DeleteMessages { get; }

    public string InsertMessage { get; }

    public string InsertTask { get; }

    public string ReleaseInstance { get; }

    public string DelayMessages { get; }

    public string RenewInstances { get; }

    public string RenewTasks { get; }

    public string LockTasks { get; }

    public string DeleteTask { get; }

    public string AbandonTask { get; }

    public string InstanceColumns { get; }

    public string GetInstance { get; }

    public string GetStatusForUpdate { get; }

    public string InsertInstance { get; }

    public string ResetInstance { get; }

    public IReadOnlyList<string> DeleteInstanceData { get; }

    public string DeleteInstance { get; }

    public string Backlog { get; }
}
