using System.Data.Common;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>What a job list is narrowed to, besides the name search.</summary>
public sealed record SparkJobFilter(JobType? JobType = null, string? Namespace = null, string? Tag = null);

/// <summary>Spark jobs in the service database; replacements are compare-and-swap on <c>version</c>.</summary>
public sealed class SparkJobStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
        ["updatedAt"] = "updated_ms",
        ["jobType"] = "job_type",
    };

    public async Task<SparkJob?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SparkJobRow>(new CommandDefinition(
            $"SELECT {SparkJobRow.Columns} FROM spark_jobs WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        return row?.ToJob();
    }

    public async Task<SparkJob?> FindByNameAsync(string domainId, string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SparkJobRow>(new CommandDefinition(
            $"SELECT {SparkJobRow.Columns} FROM spark_jobs WHERE domain_id = @DomainId AND name = @Name",
            new { DomainId = domainId, Name = name }, cancellationToken: ct));
        return row?.ToJob();
    }

    public async Task<Page<SparkJob>> ListAsync(string domainId, SparkJobFilter filter, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE domain_id = @DomainId" +
                    (filter.JobType is null ? "" : " AND job_type = @JobType") +
                    (filter.Namespace is null ? "" : " AND namespace = @Namespace") +
                    (filter.Tag is null ? "" : " AND resource_tags LIKE @TagPattern") +
                    (query.SearchPattern is null ? "" : " AND lower(name) LIKE @Pattern ESCAPE '\\'");
        var args = new
        {
            DomainId = domainId,
            JobType = filter.JobType is { } t ? SparkJobRow.Stored(t) : null,
            filter.Namespace,
            TagPattern = filter.Tag is null ? null : TagPattern(filter.Tag),
            Pattern = query.SearchPattern,
            query.Limit,
            query.Offset,
        };
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM spark_jobs {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<SparkJobRow>(new CommandDefinition(
            $"SELECT {SparkJobRow.Columns} FROM spark_jobs {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<SparkJob>(rows.Select(r => r.ToJob()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>A LIKE pattern on the tags JSON: <c>key</c> or <c>key:value</c>.</summary>
    internal static string TagPattern(string tag)
    {
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        static string Esc(string s) => System.Text.Json.JsonSerializer.Serialize(s)[1..^1];
        return colon < 0
            ? $"%\"key\":\"{Esc(tag)}\"%"
            : $"%\"key\":\"{Esc(tag[..colon])}\",\"value\":\"{Esc(tag[(colon + 1)..])}\"%";
    }

    public async Task<SparkJob> CreateAsync(SparkJob job, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = job with { CreatedAt = now, UpdatedAt = now, Version = 1 };
        await using var connection = await OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO spark_jobs (id, domain_id, name, description, bundle_id, namespace, job_user, job_type, schedule, concurrency,
                                        flow, priority, resource_tags, template, suspended, created_by, created_ms, updated_by, updated_ms, version)
                VALUES (@Id, @DomainId, @Name, @Description, @BundleId, @Namespace, @JobUser, @JobType, @Schedule, @Concurrency,
                        @Flow, @Priority, @ResourceTags, @Template, @Suspended, @CreatedBy, @CreatedMs, @UpdatedBy, @UpdatedMs, @Version)
                """,
                SparkJobRow.From(created), cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A Spark job named '{job.Name}' already exists in domain '{job.DomainId}'.");
        }
        return created;
    }

    /// <summary>Saves <paramref name="updated"/> if the stored version is still <paramref name="expectedVersion"/>; 409 otherwise.</summary>
    public async Task<SparkJob> UpdateAsync(SparkJob updated, long expectedVersion, CancellationToken ct)
    {
        var row = SparkJobRow.From(updated with { UpdatedAt = clock.GetUtcNow() });
        await using var connection = await OpenAsync(ct);
        int changed;
        try
        {
            changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE spark_jobs SET name = @Name, description = @Description, namespace = @Namespace, job_user = @JobUser, job_type = @JobType,
                       schedule = @Schedule, concurrency = @Concurrency, flow = @Flow, priority = @Priority, resource_tags = @ResourceTags,
                       template = @Template, suspended = @Suspended, updated_by = @UpdatedBy, updated_ms = @UpdatedMs, version = version + 1
                WHERE id = @Id AND version = @Expected
                """,
                new
                {
                    row.Name, row.Description, row.Namespace, row.JobUser, row.JobType, row.Schedule, row.Concurrency, row.Flow, row.Priority,
                    row.ResourceTags, row.Template, row.Suspended, row.UpdatedBy, row.UpdatedMs, row.Id, Expected = expectedVersion,
                },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A Spark job named '{updated.Name}' already exists in domain '{updated.DomainId}'.");
        }
        var current = await GetAsync(updated.Id, ct) ?? throw new NotFoundException("Spark job", updated.Id);
        return changed == 1
            ? current
            : throw new ConflictException($"The Spark job '{current.Name}' was changed by someone else (version {current.Version}, expected {expectedVersion}); read it again and retry.");
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM spark_jobs WHERE id = @Id", new { Id = id }, cancellationToken: ct)) == 1;
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(ClustersRegistration.Service, ct);
}
