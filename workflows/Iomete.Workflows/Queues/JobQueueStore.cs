using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Queues;

/// <summary>
/// The namespace queues in the orchestrator's database. An admission changes the namespace's turn row by compare-and-swap on its
/// <c>version</c> and the entry from WAITING to ADMITTED in one transaction, so admitters on several replicas serialize per namespace
/// and a run is admitted once.
/// </summary>
public sealed class JobQueueStore(IMetadataDb db)
{
    private const string Columns =
        "run_id, domain_id, namespace, priority, job_id, job_name, cpu_millicores, memory_mib, pods, status, seq, enqueued_ms, head_since_ms, " +
        "head_retries, blocking_resource, blocking_message, admitted_ms";

    /// <summary>Puts the run at the back of its queue; a run already queued stays where it is.</summary>
    public async Task EnqueueAsync(QueueEntry entry, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO job_queue_entries ({Columns})
            SELECT @RunId, @DomainId, @Namespace, @Priority, @JobId, @JobName, @Cpu, @Memory, @Pods, 'WAITING',
                   COALESCE((SELECT MAX(seq) FROM job_queue_entries WHERE namespace = @Namespace), 0) + 1, @EnqueuedMs, NULL, 0, NULL, NULL, NULL
            WHERE 1 = 1
            ON CONFLICT (run_id) DO NOTHING
            """,
            new
            {
                entry.RunId,
                entry.DomainId,
                entry.Namespace,
                Priority = WorkflowRunRow.Upper(entry.Priority),
                entry.JobId,
                entry.JobName,
                Cpu = entry.Demand.CpuMillicores,
                Memory = entry.Demand.MemoryMiB,
                entry.Demand.Pods,
                EnqueuedMs = entry.EnqueuedAt.ToUnixTimeMilliseconds(),
            },
            cancellationToken: ct));
    }

    public async Task<QueueEntry?> GetAsync(string runId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM job_queue_entries WHERE run_id = @RunId", new { RunId = runId }, cancellationToken: ct));
        return row?.ToEntry();
    }

    /// <summary>The waiting runs of a namespace (or of every namespace), in queue order.</summary>
    public async Task<IReadOnlyList<QueueEntry>> WaitingAsync(string? @namespace, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM job_queue_entries WHERE status = 'WAITING' AND (@Namespace IS NULL OR namespace = @Namespace) ORDER BY namespace, seq, run_id",
            new { Namespace = @namespace }, cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<QueueTurn> TurnAsync(string @namespace, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var turn = await connection.QuerySingleOrDefaultAsync<TurnRow>(new CommandDefinition(
            "SELECT namespace, high_admitted, normal_admitted, version FROM job_queue_turns WHERE namespace = @Namespace",
            new { Namespace = @namespace }, cancellationToken: ct));
        return turn is null ? new QueueTurn(@namespace, 0, 0, 0) : new QueueTurn(turn.Namespace, turn.High_Admitted, turn.Normal_Admitted, turn.Version);
    }

    /// <summary>Removes the run from its queue (it ended, was cancelled, or timed out); returns its namespace, or null when it was not queued.</summary>
    public async Task<string?> LeaveAsync(string runId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var ns = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT namespace FROM job_queue_entries WHERE run_id = @RunId", new { RunId = runId }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM job_queue_entries WHERE run_id = @RunId", new { RunId = runId }, cancellationToken: ct));
        return ns;
    }

    /// <summary>Records when a waiting run became the head of its queue (first time only).</summary>
    public Task MarkHeadAsync(string runId, DateTimeOffset at, CancellationToken ct) => ExecuteAsync(
        "UPDATE job_queue_entries SET head_since_ms = @At WHERE run_id = @RunId AND status = 'WAITING' AND head_since_ms IS NULL",
        new { RunId = runId, At = at.ToUnixTimeMilliseconds() }, ct);

    public Task SetBlockingAsync(string runId, string? resource, string? message, CancellationToken ct) => ExecuteAsync(
        "UPDATE job_queue_entries SET blocking_resource = @Resource, blocking_message = @Message WHERE run_id = @RunId AND status = 'WAITING'",
        new { RunId = runId, Resource = resource, Message = message }, ct);

    /// <summary>Sends a head that waited too long to the back of its queue, counting the retry.</summary>
    public Task RequeueAsync(string runId, string @namespace, CancellationToken ct) => ExecuteAsync(
        """
        UPDATE job_queue_entries SET seq = COALESCE((SELECT MAX(seq) FROM job_queue_entries WHERE namespace = @Namespace), 0) + 1,
               head_since_ms = NULL, head_retries = head_retries + 1, blocking_resource = NULL, blocking_message = NULL
        WHERE run_id = @RunId AND status = 'WAITING'
        """,
        new { RunId = runId, Namespace = @namespace }, ct);

    /// <summary>
    /// Admits the waiting run if nobody admitted anything in its namespace since <paramref name="turn"/> was read (false otherwise, or
    /// when the run is not waiting any more). A contested admission (both queues had a head) counts for the weighted round robin.
    /// </summary>
    public async Task<bool> TryAdmitAsync(string runId, QueueTurn turn, RunPriority priority, bool contested, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO job_queue_turns (namespace, high_admitted, normal_admitted, version) VALUES (@Namespace, 0, 0, 0) ON CONFLICT (namespace) DO NOTHING",
            new { turn.Namespace }, cancellationToken: ct));
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var high = contested && priority == RunPriority.High ? 1 : 0;
        var normal = contested && priority == RunPriority.Normal ? 1 : 0;
        var turned = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE job_queue_turns SET high_admitted = high_admitted + @High, normal_admitted = normal_admitted + @Normal, version = version + 1
            WHERE namespace = @Namespace AND version = @Version
            """,
            new { turn.Namespace, turn.Version, High = high, Normal = normal }, transaction, cancellationToken: ct));
        var admitted = turned == 1 && await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE job_queue_entries SET status = 'ADMITTED', admitted_ms = @At, blocking_resource = NULL, blocking_message = NULL WHERE run_id = @RunId AND status = 'WAITING'",
            new { RunId = runId, At = at.ToUnixTimeMilliseconds() }, transaction, cancellationToken: ct)) == 1;
        if (admitted)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
        }
        return admitted;
    }

    private async Task ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(WorkflowsRegistration.Service, ct);

#pragma warning disable IDE1006, CA1707 // Dapper maps snake_case columns onto these names.
    private sealed record TurnRow(string Namespace, long High_Admitted, long Normal_Admitted, long Version);

    private sealed record Row(
        string Run_Id, string Domain_Id, string Namespace, string Priority, string Job_Id, string Job_Name, long Cpu_Millicores, long Memory_Mib,
        long Pods, string Status, long Seq, long Enqueued_Ms, long? Head_Since_Ms, long Head_Retries, string? Blocking_Resource,
        string? Blocking_Message, long? Admitted_Ms)
    {
        public QueueEntry ToEntry() => new()
        {
            RunId = Run_Id,
            DomainId = Domain_Id,
            Namespace = Namespace,
            Priority = WorkflowRunRow.ParseUpper<RunPriority>(Priority),
            JobId = Job_Id,
            JobName = Job_Name,
            Demand = new ResourceDemand(Cpu_Millicores, Memory_Mib, (int)Pods),
            Seq = Seq,
            EnqueuedAt = DateTimeOffset.FromUnixTimeMilliseconds(Enqueued_Ms),
            HeadSince = Head_Since_Ms is { } h ? DateTimeOffset.FromUnixTimeMilliseconds(h) : null,
            HeadRetries = (int)Head_Retries,
            BlockingResource = Blocking_Resource,
            BlockingMessage = Blocking_Message,
            Admitted = Status == "ADMITTED",
        };
    }
#pragma warning restore IDE1006, CA1707
}
