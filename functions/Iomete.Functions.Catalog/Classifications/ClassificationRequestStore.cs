using System.Data.Common;
using Dapper;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Catalog.Classifications;

/// <summary>What a request list is narrowed to, besides paging and the text search (tag, table or column name).</summary>
public sealed record ClassificationRequestFilter(
    string? DomainId = null, ClassificationRequestStatus? Status = null, TableKey? Table = null, string? TagId = null, string? RequestedBy = null);

/// <summary>A new request as validated by the create route.</summary>
public sealed record ClassificationRequestDraft(
    string Id, ClassificationRequestType Type, ClassificationTag Tag, TableKey Table, string? Column, string? Justification, string RequestedBy, string DomainId);

/// <summary>
/// Classification requests. One request may be in review per tag and table or column (a unique key that closing clears);
/// closed requests stay visible for <see cref="ClosedVisibleDays"/> days. State changes are compare-and-swap on <c>version</c>.
/// </summary>
public sealed class ClassificationRequestStore(IMetadataDb db, TimeProvider clock)
{
    public const int ClosedVisibleDays = 30;

    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["createdAt"] = "created_ms",
        ["updatedAt"] = "updated_ms",
        ["status"] = "status",
        ["tagName"] = "tag_name",
    };

    private const string Columns =
        "id AS Id, request_type AS RequestType, tag_id AS TagId, tag_name AS TagName, catalog AS Catalog, database_name AS DatabaseName, " +
        "table_name AS TableName, column_name AS ColumnName, record_key AS RecordKey, justification AS Justification, status AS Status, " +
        "comment AS Comment, requested_by AS RequestedBy, domain_id AS DomainId, reviewed_by AS ReviewedBy, created_ms AS CreatedMs, " +
        "updated_ms AS UpdatedMs, closed_ms AS ClosedMs, version AS Version";

    private const string Visible = "(status = 'IN_REVIEW' OR closed_ms >= @VisibleSince)";

    public async Task<ClassificationRequest> CreateAsync(ClassificationRequestDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = NowMs();
        var key = ClassificationNames.RecordKey(draft.Table.Catalog, draft.Table.Database, draft.Table.Table, draft.Column);
        try
        {
            await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO classification_requests (id, request_type, tag_id, tag_name, catalog, database_name, table_name, column_name, record_key,
                  justification, status, comment, pending_key, requested_by, domain_id, reviewed_by, created_ms, updated_ms, closed_ms, version)
                VALUES (@Id, @Type, @TagId, @TagName, @Catalog, @Database, @Table, @Column, @RecordKey, @Justification, 'IN_REVIEW', NULL, @PendingKey,
                  @RequestedBy, @DomainId, NULL, @Now, @Now, NULL, 1)
                """,
                new
                {
                    draft.Id, Type = ClassificationNames.Stored(draft.Type), TagId = draft.Tag.Id, TagName = draft.Tag.Name, draft.Table.Catalog,
                    draft.Table.Database, draft.Table.Table, Column = draft.Column ?? "", RecordKey = key, draft.Justification,
                    PendingKey = draft.Tag.Id + "|" + key, draft.RequestedBy, draft.DomainId, Now = now,
                }, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A request for tag '{draft.Tag.Name}' on '{key}' is already in review.");
        }
        return (await GetAsync(draft.Id, ct))!;
    }

    /// <summary>The request, or null when it does not exist or closed more than 30 days ago.</summary>
    public async Task<ClassificationRequest?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<ClassificationRequestRow>(new CommandDefinition(
            $"SELECT {Columns} FROM classification_requests WHERE id = @Id AND {Visible}", new { Id = id, VisibleSince = VisibleSince() }, cancellationToken: ct));
        return row?.ToRequest();
    }

    public async Task<Page<ClassificationRequest>> ListAsync(ClassificationRequestFilter filter, ListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string> { Visible };
        if (filter.DomainId is not null)
        {
            where.Add("domain_id = @DomainId");
        }
        if (filter.Status is not null)
        {
            where.Add("status = @Status");
        }
        if (filter.Table is not null)
        {
            where.Add("catalog = @Catalog AND database_name = @Database AND table_name = @Table");
        }
        if (filter.TagId is not null)
        {
            where.Add("tag_id = @TagId");
        }
        if (filter.RequestedBy is not null)
        {
            where.Add("requested_by = @RequestedBy");
        }
        if (query.SearchPattern is not null)
        {
            where.Add("(lower(record_key) LIKE @Pattern ESCAPE '\\' OR lower(tag_name) LIKE @Pattern ESCAPE '\\')");
        }
        var args = new
        {
            VisibleSince = VisibleSince(), filter.DomainId, Status = filter.Status is { } s ? ClassificationNames.Stored(s) : null,
            filter.Table?.Catalog, filter.Table?.Database, filter.Table?.Table, filter.TagId, filter.RequestedBy, Pattern = query.SearchPattern,
            query.Offset, query.Limit,
        };
        var sqlWhere = "WHERE " + string.Join(" AND ", where);
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM classification_requests {sqlWhere}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<ClassificationRequestRow>(new CommandDefinition(
            $"SELECT {Columns} FROM classification_requests {sqlWhere} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<ClassificationRequest>(rows.Select(r => r.ToRequest()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Requests in review on a table (any of its columns included).</summary>
    public async Task<int> CountPendingAsync(TableKey table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM classification_requests WHERE status = 'IN_REVIEW' AND catalog = @Catalog AND database_name = @Database AND table_name = @Table",
            new { table.Catalog, table.Database, table.Table }, cancellationToken: ct));
    }

    /// <summary>
    /// Closes a request in review (compare-and-swap on <paramref name="expectedVersion"/>): 409 when it is closed already or changed
    /// meanwhile. <paramref name="apply"/> runs inside the same transaction (the approval's tag change); if it throws, nothing changes.
    /// </summary>
    public async Task<ClassificationRequest> CloseAsync(ClassificationRequest current, long expectedVersion, ClassificationRequestStatus status, string? comment,
        string by, Func<DbConnection, DbTransaction, Task>? apply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!current.IsOpen)
        {
            throw new ConflictException($"Request {current.Id} is {ClassificationNames.Stored(current.Status)}: only a request IN_REVIEW can be {ClassificationNames.Stored(status).ToLowerInvariant()}.");
        }
        var now = NowMs();
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE classification_requests SET status = @Status, comment = @Comment, reviewed_by = @By, pending_key = NULL, closed_ms = @Now,
              updated_ms = @Now, version = version + 1
            WHERE id = @Id AND version = @Version AND status = 'IN_REVIEW'
            """,
            new
            {
                current.Id, Status = ClassificationNames.Stored(status), Comment = comment,
                By = status == ClassificationRequestStatus.Cancelled ? null : by, Now = now, Version = expectedVersion,
            }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            throw new ConflictException($"Request {current.Id} was changed meanwhile (version {expectedVersion} is not current, or it is closed): reload it.");
        }
        if (apply is not null)
        {
            await apply(connection, tx);
        }
        await tx.CommitAsync(ct);
        return (await GetAsync(current.Id, ct))!;
    }

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private long VisibleSince() => clock.GetUtcNow().AddDays(-ClosedVisibleDays).ToUnixTimeMilliseconds();
}
