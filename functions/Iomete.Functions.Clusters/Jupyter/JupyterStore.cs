using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>What a container list is narrowed to besides the text search: state, and whose (<c>my</c> or <c>shared</c>).</summary>
public sealed record JupyterFilter(JupyterStatus? Status = null, string? CreatedBy = null, string? NotCreatedBy = null);

/// <summary>
/// Jupyter containers in the service database. Configuration changes are compare-and-swap on <c>version</c>; the status
/// is observed state and moves only between the states a transition allows (so a late "ready" cannot revive a stopped one).
/// </summary>
public sealed class JupyterStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
        ["status"] = "status",
    };

    public async Task<JupyterContainer?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JupyterRow>(new CommandDefinition(
            $"SELECT {JupyterRow.Columns} FROM jupyter_containers WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToContainer();
    }

    public async Task<IReadOnlyList<JupyterContainer>> ListInStatusAsync(JupyterStatus status, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<JupyterRow>(new CommandDefinition(
            $"SELECT {JupyterRow.Columns} FROM jupyter_containers WHERE status = @Status", new { Status = JupyterRow.Stored(status) }, cancellationToken: ct));
        return rows.Select(r => r.ToContainer()).ToList();
    }

    public async Task<Page<JupyterContainer>> ListAsync(string domainId, JupyterFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE domain_id = @DomainId" +
                    (filter.Status is null ? "" : " AND status = @Status") +
                    (filter.CreatedBy is null ? "" : " AND created_by = @CreatedBy") +
                    (filter.NotCreatedBy is null ? "" : " AND created_by <> @NotCreatedBy") +
                    (query.SearchPattern is null ? "" : " AND lower(name) LIKE @Pattern ESCAPE '\\'");
        var args = new
        {
            DomainId = domainId, Status = filter.Status is { } s ? JupyterRow.Stored(s) : null, filter.CreatedBy, filter.NotCreatedBy,
            Pattern = query.SearchPattern, query.Limit, query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM jupyter_containers {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<JupyterRow>(new CommandDefinition(
            $"SELECT {JupyterRow.Columns} FROM jupyter_containers {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<JupyterContainer>(rows.Select(r => r.ToContainer()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Inserts a new container (version 1); 409 when its name is taken in its namespace.</summary>
    public async Task<JupyterContainer> CreateAsync(JupyterContainer container, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = container with { CreatedAt = now, UpdatedAt = now, Version = 1 };
        await using var connection = await OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO jupyter_containers (id, domain_id, name, namespace, bundle_id, node_type, volume_id, config, tags, status,
                                                status_message, created_by, created_ms, updated_ms, version)
                VALUES (@Id, @DomainId, @Name, @Namespace, @BundleId, @NodeType, @VolumeId, @Config, @Tags, @Status,
                        @StatusMessage, @CreatedBy, @CreatedMs, @UpdatedMs, @Version)
                """, JupyterRow.From(created), cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A Jupyter container named '{container.Name}' already exists in namespace '{container.Namespace}'.");
        }
        return created;
    }

    /// <summary>Saves namespace, node type, volume, configuration and tags if the version is still <paramref name="expectedVersion"/> (409 otherwise).</summary>
    public async Task<JupyterContainer> UpdateAsync(JupyterContainer updated, long expectedVersion, CancellationToken ct)
    {
        var row = JupyterRow.From(updated with { UpdatedAt = clock.GetUtcNow() });
        await using var connection = await OpenAsync(ct);
        int changed;
        try
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE jupyter_containers SET namespace = @Namespace, node_type = @NodeType, volume_id = @VolumeId, config = @Config, tags = @Tags,
                       updated_ms = @UpdatedMs, version = version + 1
                WHERE id = @Id AND version = @Expected AND status IN ('STOPPED', 'FAILED')
                """,
                new { row.Namespace, row.NodeType, row.VolumeId, row.Config, row.Tags, row.UpdatedMs, row.Id, Expected = expectedVersion },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A Jupyter container named '{updated.Name}' already exists in namespace '{updated.Namespace}'.");
        }
        var current = await GetAsync(updated.Id, ct) ?? throw new NotFoundException("Jupyter container", updated.Id);
        if (changed == 1)
            return current;
        throw new ConflictException(current.Status is JupyterStatus.Starting or JupyterStatus.Active
            ? $"The Jupyter container '{current.Name}' is {JupyterRow.Stored(current.Status)}: terminate it before configuring it."
            : $"The Jupyter container '{current.Name}' was changed by someone else (version {current.Version}, expected {expectedVersion}); read it again and retry.");
    }

    /// <summary>Moves to <paramref name="to"/> when the current status is one of <paramref name="from"/>; false otherwise.</summary>
    public async Task<bool> TransitionAsync(string id, IReadOnlyCollection<JupyterStatus> from, JupyterStatus to, string? message, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jupyter_containers SET status = @To, status_message = @Message, updated_ms = @Now WHERE id = @Id AND status IN @From",
            new { Id = id, To = JupyterRow.Stored(to), Message = message, Now = clock.GetUtcNow().ToUnixTimeMilliseconds(), From = from.Select(JupyterRow.Stored).ToArray() },
            cancellationToken: ct));
        return changed == 1;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM jupyter_containers WHERE id = @Id", new { Id = id }, cancellationToken: ct)) == 1;
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(ClustersRegistration.Service, ct);
}
