using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>What a cluster list is narrowed to, besides the text search of <see cref="ListQuery"/>.</summary>
public sealed record ComputeFilter(ComputeStatus? Status = null, string? Namespace = null);

/// <summary>
/// Compute clusters in the service database. Definition changes are compare-and-swap on <c>version</c>; lifecycle
/// state is written by the cluster's actor alone (one turn at a time) and does not bump the version.
/// </summary>
public sealed class ComputeClusterStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
        ["status"] = "status",
        ["namespace"] = "namespace",
    };

    public async Task<ComputeCluster?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ComputeClusterRow>(new CommandDefinition(
            $"SELECT {ComputeClusterRow.Columns} FROM compute_clusters WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToCluster();
    }

    /// <summary>The cluster of the domain whose id or name is <paramref name="idOrName"/>.</summary>
    public async Task<ComputeCluster?> FindAsync(string domainId, string idOrName, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<ComputeClusterRow>(new CommandDefinition(
            $"SELECT {ComputeClusterRow.Columns} FROM compute_clusters WHERE domain_id = @DomainId AND (id = @Key OR name = @Key)",
            new { DomainId = domainId, Key = idOrName }, cancellationToken: ct));
        return row?.ToCluster();
    }

    public async Task<Page<ComputeCluster>> ListAsync(string domainId, ComputeFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE domain_id = @DomainId" +
                    (filter.Status is null ? "" : " AND status = @Status") +
                    (filter.Namespace is null ? "" : " AND namespace = @Namespace") +
                    (query.SearchPattern is null ? "" : " AND lower(name) LIKE @Pattern ESCAPE '\\'");
        var args = new
        {
            DomainId = domainId,
            Status = filter.Status is { } s ? ComputeClusterRow.Stored(s) : null,
            filter.Namespace,
            Pattern = query.SearchPattern,
            query.Limit,
            query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM compute_clusters {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<ComputeClusterRow>(new CommandDefinition(
            $"SELECT {ComputeClusterRow.Columns} FROM compute_clusters {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset",
            args, cancellationToken: ct));
        return new Page<ComputeCluster>(rows.Select(r => r.ToCluster()).ToList(), total, query.Offset, query.Limit);
    }

    public async Task<ComputeCluster> CreateAsync(ComputeCluster cluster, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = cluster with { CreatedAt = now, UpdatedAt = now, Version = 1 };
        await using var connection = await OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO compute_clusters (id, domain_id, name, description, bundle_id, namespace, spec, status, driver_state, error_message,
                    start_count, restart_attempts, restart_required, last_activity_ms, created_by, created_ms, updated_ms, version)
                VALUES (@Id, @DomainId, @Name, @Description, @BundleId, @Namespace, @Spec, @Status, @DriverState, @ErrorMessage,
                    @StartCount, @RestartAttempts, @RestartRequired, @LastActivityMs, @CreatedBy, @CreatedMs, @UpdatedMs, @Version)
                """,
                ComputeClusterRow.From(created), cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A compute cluster named '{cluster.Name}' already exists in domain '{cluster.DomainId}'.");
        }
        return created;
    }

    /// <summary>Saves description, namespace and spec if the version is still <paramref name="expectedVersion"/>; 409 otherwise.</summary>
    public async Task<ComputeCluster> UpdateDefinitionAsync(ComputeCluster updated, long expectedVersion, CancellationToken ct)
    {
        var row = ComputeClusterRow.From(updated with { UpdatedAt = clock.GetUtcNow() });
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE compute_clusters SET description = @Description, namespace = @Namespace, spec = @Spec, restart_required = @RestartRequired,
                   updated_ms = @UpdatedMs, version = version + 1
            WHERE id = @Id AND version = @Expected
            """,
            new { row.Description, row.Namespace, row.Spec, row.RestartRequired, row.UpdatedMs, row.Id, Expected = expectedVersion },
            cancellationToken: ct));
        var current = await GetAsync(updated.Id, ct) ?? throw new NotFoundException("Compute cluster", updated.Id);
        if (changed == 1)
        {
            return current;
        }
        throw new ConflictException(
            $"The compute cluster '{current.Name}' was changed by someone else (version {current.Version}, expected {expectedVersion}); read it again and retry.");
    }

    /// <summary>Writes the lifecycle columns (the actor's state); a deleted cluster is ignored.</summary>
    public async Task SaveStateAsync(ComputeCluster c, CancellationToken ct)
    {
        var row = ComputeClusterRow.From(c with { UpdatedAt = clock.GetUtcNow() });
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE compute_clusters SET status = @Status, driver_state = @DriverState, error_message = @ErrorMessage, start_count = @StartCount,
                   restart_attempts = @RestartAttempts, restart_required = @RestartRequired, last_activity_ms = @LastActivityMs, updated_ms = @UpdatedMs
            WHERE id = @Id
            """,
            row, cancellationToken: ct));
    }

    public async Task TouchAsync(string id, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE compute_clusters SET last_activity_ms = @At WHERE id = @Id", new { Id = id, At = at.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM compute_activities WHERE cluster_id = @Id", new { Id = id }, cancellationToken: ct));
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM compute_clusters WHERE id = @Id", new { Id = id }, cancellationToken: ct)) == 1;
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(ClustersRegistration.Service, ct);
}
