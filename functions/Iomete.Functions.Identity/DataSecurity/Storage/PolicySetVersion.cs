using System.Data.Common;
using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Data;

namespace Iomete.Functions.Identity.DataSecurity.Storage;

/// <summary>
/// The version of the whole policy set (policies, roles, resource tags): bumped in the transaction of every change,
/// signalled after its commit. Reads are cached while this process changed nothing, no process on the data directory
/// signalled a change, and the value is younger than <see cref="MaxAge"/> (other replicas on PostgreSQL).
/// </summary>
public sealed class PolicySetVersion(IdentityDb db, IMetadataDb metadata, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly IChangeSignal? signal = metadata.ChangeSignal(IdentityRegistration.Service);
    private long generation;
    private Cached? cached;

    /// <summary>Bumps the version inside <paramref name="tx"/>; returns the new version.</summary>
    public static async Task<long> BumpAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE data_policy_set SET version = version + 1 WHERE name = 'policies'", transaction: tx, cancellationToken: ct));
        return await ReadAsync(connection, tx, ct);
    }

    public static Task<long> ReadAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT version FROM data_policy_set WHERE name = 'policies'", transaction: tx, cancellationToken: ct));

    /// <summary>Call after committing a change.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref generation);
        cached = null;
        signal?.Signal();
    }

    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        var ticket = new Ticket(Interlocked.Read(ref generation), signal?.Current ?? 0, clock.GetUtcNow());
        if (cached is { } hit && hit.Ticket.Generation == ticket.Generation && hit.Ticket.Signal == ticket.Signal &&
            ticket.At - hit.Ticket.At < MaxAge)
        {
            return hit.Version;
        }
        await using var connection = await db.OpenAsync(ct);
        var version = await ReadAsync(connection, null, ct);
        cached = new Cached(version, ticket);
        return version;
    }

    private readonly record struct Ticket(long Generation, long Signal, DateTimeOffset At);

    private sealed record Cached(long Version, Ticket Ticket);
}
