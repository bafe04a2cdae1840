using Dapper;
using Iomete.Functions.Clusters.Runs;
using Iomete.Platform.Data;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>Which run a submission key started (a retried submission finds it), and how many orchestrated runs a namespace has active.</summary>
public sealed class OrchestratedRunStore(IMetadataDb db, TimeProvider clock)
{
    /// <summary>Claims <paramref name="submissionKey"/> for <paramref name="runId"/>; returns the run id that holds the key (this one or an earlier one).</summary>
    public async Task<string> ClaimAsync(string submissionKey, string runId, string domainId, string @namespace, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO orchestrated_runs (submission_key, run_id, domain_id, namespace, created_ms)
            VALUES (@Key, @RunId, @DomainId, @Namespace, @Now) ON CONFLICT (submission_key) DO NOTHING
            """,
            new { Key = submissionKey, RunId = runId, DomainId = domainId, Namespace = @namespace, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT run_id FROM orchestrated_runs WHERE submission_key = @Key", new { Key = submissionKey }, cancellationToken: ct)) ?? runId;
    }

    /// <summary>Orchestrated runs of the namespace that have not ended, or are being started (claimed within the last minute).</summary>
    public async Task<int> ActiveAsync(string @namespace, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var terminal = RunStatus.Terminal;
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM orchestrated_runs o LEFT JOIN spark_runs r ON r.id = o.run_id
            WHERE o.namespace = @Namespace AND ((r.id IS NULL AND o.created_ms > @Since) OR r.status NOT IN @Terminal)
            """,
            new { Namespace = @namespace, Terminal = terminal, Since = clock.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }
}
