using Dapper;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Tables;

namespace Iomete.Functions.Catalog.Classifications;

/// <summary>
/// The request state machine's transitions: approve (applies the tag in the catalog and in the data policies' tag source,
/// in one step with closing the request), reject (with a comment) and cancel (by the requester).
/// </summary>
public sealed class ClassificationReview(ClassificationRequestStore requests, ResourceTagFeed feed, CatalogChanges changes, TimeProvider clock)
{
    public async Task<ClassificationRequest> ApproveAsync(ClassificationRequest request, long version, string? comment, string reviewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = new TableKey(request.CatalogName, request.SchemaName, request.TableName);
        var closed = await requests.CloseAsync(request, version, ClassificationRequestStatus.Approved, comment, reviewer, async (connection, tx) =>
        {
            var args = new
            {
                TagId = request.ClassificationTagId, table.Catalog, table.Database, table.Table, Column = request.ColumnName ?? "",
                RequestId = request.Id, By = reviewer, Now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            };
            if (request.RequestType == ClassificationRequestType.Add)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO classification_assignments (tag_id, catalog, database_name, table_name, column_name, request_id, assigned_by, assigned_ms)
                    VALUES (@TagId, @Catalog, @Database, @Table, @Column, @RequestId, @By, @Now)
                    ON CONFLICT (tag_id, catalog, database_name, table_name, column_name) DO NOTHING
                    """, args, tx, cancellationToken: ct));
                // Inside the transaction: when the policy store refuses, the request stays IN_REVIEW and nothing is assigned.
                await feed.AddAsync(table, request.ColumnName, request.ClassificationTagName, reviewer, ct);
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    DELETE FROM classification_assignments WHERE tag_id = @TagId AND catalog = @Catalog AND database_name = @Database
                      AND table_name = @Table AND column_name = @Column
                    """, args, tx, cancellationToken: ct));
                await feed.RemoveAsync(table, request.ColumnName, request.ClassificationTagName, reviewer, ct);
            }
        }, ct);
        await changes.PublishAsync(table, CatalogChanges.Classification, reviewer, ct);
        return closed;
    }

    public async Task<ClassificationRequest> RejectAsync(ClassificationRequest request, long version, string? comment, string reviewer, CancellationToken ct)
    {
        var closed = await requests.CloseAsync(request, version, ClassificationRequestStatus.Rejected, comment, reviewer, null, ct);
        await PublishAsync(closed, reviewer, ct);
        return closed;
    }

    public async Task<ClassificationRequest> CancelAsync(ClassificationRequest request, string requester, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var closed = await requests.CloseAsync(request, request.Version, ClassificationRequestStatus.Cancelled, null, requester, null, ct);
        await PublishAsync(closed, requester, ct);
        return closed;
    }

    /// <summary>The table's pending-request count changed, even without a tag change.</summary>
    private Task PublishAsync(ClassificationRequest request, string actor, CancellationToken ct) =>
        changes.PublishAsync(new TableKey(request.CatalogName, request.SchemaName, request.TableName), CatalogChanges.Classification, actor, ct);
}
