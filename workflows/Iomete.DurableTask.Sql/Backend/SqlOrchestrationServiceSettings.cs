using System.Text.RegularExpressions;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>Where and how a <see cref="SqlOrchestrationService"/> stores its task hub.</summary>
public sealed partial class SqlOrchestrationServiceSettings
{
    public SqlProvider Provider { get; set; } = SqlProvider.Sqlite;

    /// <summary>Npgsql or Microsoft.Data.Sqlite connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Prefix of every table name; several task hubs can share one database with different prefixes.</summary>
    public string TablePrefix { get; set; } = "dt_";

    /// <summary>How long a locked work item stays with its worker without renewal. Held leases are renewed at a third of it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxConcurrentOrchestrations { get; set; } = 100;

    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>
    /// How many work items of a kind one dequeue locks at most; the extra ones wait in this process (leases renewed)
    /// for the dispatcher's next fetch. Fewer round trips per work item; set 1 for strict sharing between workers.
    /// </summary>
    public int LockBatchSize { get; set; } = 8;

    /// <summary>First wait after a poll that found nothing; it doubles up to <see cref="MaxPollingInterval"/>.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Longest wait between polls: bounds how late a due durable timer or another process's work is seen.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an abandoned work item stays invisible before it is offered again.</summary>
    public TimeSpan AbandonDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Name of this worker in lease owner columns (diagnostics only; ownership is a random token per lease).</summary>
    public string WorkerName { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("A connection string is required.", nameof(ConnectionString));
        }
        if (!PrefixPattern().IsMatch(TablePrefix))
        {
            throw new ArgumentException("The table prefix may hold only letters, digits and underscores, starting with a letter.", nameof(TablePrefix));
        }
        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("The lease must last at least a second.", nameof(LeaseDuration));
        }
        if (MaxConcurrentOrchestrations < 1 || MaxConcurrentActivities < 1 || LockBatchSize < 1)
        {
            throw new ArgumentException("Concurrency limits and the lock batch size must be positive.");
        }
        if (MinPollingInterval <= TimeSpan.Zero || MaxPollingInterval < MinPollingInterval)
        {
            throw new ArgumentException("Polling intervals must be positive with min <= max.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,30}$")]
    private static partial Regex PrefixPattern();
}
