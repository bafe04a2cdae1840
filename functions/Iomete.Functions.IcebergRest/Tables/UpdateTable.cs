using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Iceberg.Json;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class UpdateTable(CatalogGate gate, TableCommitter committer, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-tables-commit")]
    [OpenApiOperation("Iceberg REST catalog", "Commit updates to a table",
        Description = "Requirements are checked against the current metadata (409 CommitFailedException when one fails); updates are " +
                      "applied in order, all or nothing (400 when one does not apply). With assert-create this creates a staged table.")]
    [OpenApiRequestBody(typeof(CommitTableRequestDoc))]
    [OpenApiResponse(200, typeof(CommitTableResponseDoc))]
    [OpenApiResponse(404, Description = "NoSuchTableException")]
    [OpenApiResponse(409, Description = "CommitFailedException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(request, ct);
        var view = await gate.CatalogAsync(catalog, prefix, ct);
        var target = new TableTarget(caller, view, new TableIdent(view.Name, Namespaces.NamespaceName.Parse(@namespace), Objects.ObjectName.Validate(table)));
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        var change = ReadChange(target.Table, body, identifierRequired: false);
        await gate.AuthorizeCommitAsync(caller, view, change, ct);
        return await idempotency.RunAsync(request, async () =>
        {
            var committed = await committer.CommitAsync(target.Catalog, change, ct);
            await changes.ObjectAsync(change.IsCreate ? Iomete.Platform.Messaging.TableChangeKinds.TableCreated : Iomete.Platform.Messaging.TableChangeKinds.TableCommitted,
                view.Name, target.Table.Namespace, target.Table.Name, committed.MetadataLocation, caller);
            return new IcebergJsonResult(200, committed.CommitBody(), committed.ETag(refsOnly: false));
        }, ct);
    }

    /// <summary>Parses a CommitTableRequest; its identifier, when present, must name <paramref name="table"/>.</summary>
    internal static TableChange ReadChange(TableIdent table, JsonObject body, bool identifierRequired)
    {
        if (body["identifier"] is { } identifierNode)
        {
            var named = TableIdent.Read(table.Catalog, identifierNode, "identifier");
            if (!identifierRequired && named != table)
            {
                throw IcebergErrors.BadRequestError($"The identifier {named} in the body does not match the table {table} of the path.");
            }
        }
        var requirements = IcebergRequest.Parse(() => TableRequirementJson.ReadList(Required(body, "requirements"), "$.requirements"));
        var updates = IcebergRequest.Parse(() => TableUpdateJson.ReadList(Required(body, "updates"), "$.updates"));
        return new TableChange(table, requirements, updates);
    }

    private static JsonNode Required(JsonObject body, string name) =>
        body[name] ?? throw IcebergErrors.BadRequestError($"Invalid request: '{name}' is required.");
}
