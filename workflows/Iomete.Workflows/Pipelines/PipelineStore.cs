using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Pipelines;

/// <summary>A pipeline with the state of its latest run (null: never ran).</summary>
public sealed record PipelineSummary(Pipeline Pipeline, WorkflowRunState? LastRunState);

/// <summary>Pipelines in the orchestrator's database; changes are compare-and-swap on <c>version</c>.</summary>
public sealed class PipelineStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "p.name",
        ["createdAt"] = "p.created_ms",
        ["updatedAt"] = "p.updated_ms",
    };

    private const string LastRun =
        "(SELECT r.state FROM workflow_runs r WHERE r.pipeline_id = p.id AND r.kind = 'PIPELINE' ORDER BY r.created_ms DESC, r.id DESC LIMIT 1)";

    public async Task<Pipeline?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<PipelineRow>(new CommandDefinition(
            $"SELECT {PipelineRow.Columns} FROM pipelines p WHERE p.id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToPipeline();
    }

    public async Task<Page<PipelineSummary>> ListAsync(string domainId, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE p.domain_id = @DomainId" +
                    (query.SearchPattern is null ? "" : " AND (lower(p.name) LIKE @Pattern ESCAPE '\\' OR lower(coalesce(p.description, '')) LIKE @Pattern ESCAPE '\\')");
        var args = new { DomainId = domainId, Pattern = query.SearchPattern, query.Limit, query.Offset };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM pipelines p {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<PipelineRow>(new CommandDefinition(
            $"SELECT {PipelineRow.Columns}, {LastRun} AS LastRunState FROM pipelines p {where} ORDER BY {query.OrderBy}, p.id LIMIT @Limit OFFSET @Offset",
            args, cancellationToken: ct));
        var items = rows.Select(r => new PipelineSummary(r.ToPipeline(), r.LastRunState is null ? null : WorkflowRunStates.Parse(r.LastRunState))).ToList();
        return new Page<PipelineSummary>(items, total, query.Offset, query.Limit);
    }

    /// <summary>Inserts a new pipeline (version 1); 409 when its name is taken in the domain.</summary>
    public async Task<Pipeline> CreateAsync(Pipeline pipeline, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = pipeline with { CreatedAt = now, UpdatedAt = now, Version = 1 };
        await using var connection = await OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO pipelines (id, domain_id, name, description, bundle_id, nodes, parameters, tags, created_by, created_ms, updated_ms, version)
                VALUES (@Id, @DomainId, @Name, @Description, @BundleId, @Nodes, @Parameters, @Tags, @CreatedBy, @CreatedMs, @UpdatedMs, @Version)
                """,
                PipelineRow.From(created), cancellationToken: ct));
        }
        catch (DbException ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A pipeline named '{pipeline.Name}' already exists in domain '{pipeline.DomainId}'.");
        }
        return created;
    }

    /// <summary>Saves <paramref name="updated"/> if the stored version is still <paramref name="expectedVersion"/>; 409 otherwise.</summary>
    public async Task<Pipeline> UpdateAsync(Pipeline updated, long expectedVersion, CancellationToken ct)
    {
        var row = PipelineRow.From(updated with { UpdatedAt = clock.GetUtcNow() });
        await using var connection = await OpenAsync(ct);
        int changed;
        try
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE pipelines SET name = @Name, description = @Description, bundle_id = @BundleId, nodes = @Nodes, parameters = @Parameters,
                       tags = @Tags, updated_ms = @UpdatedMs, version = version + 1
                WHERE id = @Id AND version = @Expected
                """,
                new { row.Name, row.Description, row.BundleId, row.Nodes, row.Parameters, row.Tags, row.UpdatedMs, row.Id, Expected = expectedVersion },
                cancellationToken: ct));
        }
        catch (DbException ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A pipeline named '{updated.Name}' already exists in domain '{updated.DomainId}'.");
        }
        var current = await GetAsync(updated.Id, ct) ?? throw new NotFoundException("Pipeline", updated.Id);
        return changed == 1
            ? current
            : throw new ConflictException(
                $"The pipeline '{current.Name}' was changed by someone else (version {current.Version}, expected {expectedVersion}); read it again and retry.");
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM pipelines WHERE id = @Id", new { Id = id }, cancellationToken: ct)) == 1;
    }

    /// <summary>Remembers the nodes a run executes (idempotent: the first graph of a run stays).</summary>
    public async Task SaveRunGraphAsync(string runId, string pipelineId, IReadOnlyList<PipelineNode> nodes, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pipeline_run_graphs (run_id, pipeline_id, nodes) VALUES (@RunId, @PipelineId, @Nodes) ON CONFLICT (run_id) DO NOTHING",
            new { RunId = runId, PipelineId = pipelineId, Nodes = PipelineRow.SerializeNodes(nodes) }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<PipelineNode>?> RunGraphAsync(string runId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var nodes = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT nodes FROM pipeline_run_graphs WHERE run_id = @RunId", new { RunId = runId }, cancellationToken: ct));
        return nodes is null ? null : PipelineRow.DeserializeNodes(nodes);
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(WorkflowsRegistration.Service, ct);
}
