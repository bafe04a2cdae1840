namespace Iomete.DurableTask.Sql.Backend;

/// <summary>The database a <see cref="SqlOrchestrationService"/> keeps its task hub in.</summary>
public enum SqlProvider
{
    /// <summary>An embedded SQLite file: one process at a time writes (several may read).</summary>
    Sqlite,

    /// <summary>PostgreSQL: any number of workers compete for the same task hub.</summary>
    Postgres,
}
