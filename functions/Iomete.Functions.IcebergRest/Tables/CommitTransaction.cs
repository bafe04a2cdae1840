using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class CommitTransaction(CatalogGate gate, TableCommitter committer, IdempotencyKeys idempotency, TableChangePublisher published)
{
    public const int MaxTables = 100;

    [Function("iceberg-transactions-commit")]
    [OpenApiOperation("Iceberg REST catalog", "Commit changes to several tables atomically",
        Description = "Every table's requirements must hold and every pointer moves in one metadata-DB transaction: all tables change or none.")]
    [OpenApiRequestBody(typeof(CommitTransactionRequestDoc))]
    [OpenApiResponse(204, Description = "Committed")]
    [OpenApiResponse(404, Description = "NoSuchTableException")]
    [OpenApiResponse(409, Description = "CommitFailedException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/transactions/commit")] HttpRequest request,
        string catalog,
        string prefix,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(request, ct);
        var view = await gate.CatalogAsync(catalog, prefix, ct);
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        if (body["table-changes"] is not JsonArray items || items.Count == 0)
        {
            throw IcebergErrors.BadRequestError("Invalid request: 'table-changes' must be a non-empty array.");
        }
        if (items.Count > MaxTables)
        {
            throw IcebergErrors.BadRequestError($"Invalid request: at most {MaxTables} tables per transaction.");
        }
        var changes = new List<TableChange>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item || item["identifier"] is null)
            {
                throw IcebergErrors.BadRequestError($"Invalid request: table-changes[{i}] must be an object with an identifier.");
            }
            var table = TableIdent.Read(view.Name, item["identifier"], $"table-changes[{i}].identifier");
            changes.Add(UpdateTable.ReadChange(table, item, identifierRequired: true));
        }
        foreach (var change in changes)
        {
            await gate.AuthorizeCommitAsync(caller, view, change, ct);
        }

        return await idempotency.RunAsync(request, async () =>
        {
            var committed = await committer.CommitAllAsync(changes, ct);
            for (var i = 0; i < changes.Count; i++)
            {
                await published.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.TableCommitted, view.Name, changes[i].Table.Namespace, changes[i].Table.Name, committed[i].MetadataLocation, caller);
            }
            return new StatusOnlyResult(204);
        }, ct);
    }
}
