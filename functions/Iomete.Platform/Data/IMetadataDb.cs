using System.Data.Common;

namespace Iomete.Platform.Data;

public enum MetadataEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The metadata database of each service. One port, two engines: SQLite files under the data
/// directory (embedded) and a PostgreSQL database per service (cluster). Opening a service's
/// database for the first time runs its migrations.
/// </summary>
public interface IMetadataDb
{
    MetadataEngine Engine { get; }

    /// <summary>An open connection to <paramref name="service"/>'s database; dispose it after use.</summary>
    Task<DbConnection> OpenAsync(string service, CancellationToken ct);

    /// <summary>
    /// The connection string of <paramref name="service"/>'s database, created and migrated, for a component that manages
    /// its own connections and schema (the durable workflow backend).
    /// </summary>
    Task<string> ConnectionStringAsync(string service, CancellationToken ct);

    /// <summary>True when the error is a unique-key violation (on either engine).</summary>
    bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// The change signal of <paramref name="service"/>'s database on the embedded engine (shared by all
    /// processes on the data directory); null where readers cannot rely on one (PostgreSQL, many replicas).
    /// </summary>
    IChangeSignal? ChangeSignal(string service) => null;
}
