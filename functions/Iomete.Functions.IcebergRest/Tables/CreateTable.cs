using System.Text.Json.Nodes;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Sorting;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class CreateTable(
    CatalogGate gate, NamespaceStore namespaces, CatalogObjectStore objects, TableCommitter committer, IdempotencyKeys idempotency, TimeProvider clock,
    TableChangePublisher changes)
{
    [Function("iceberg-tables-create")]
    [OpenApiOperation("Iceberg REST catalog", "Create a table",
        Description = "Field ids are assigned afresh. With stage-create the metadata is returned without creating the table; " +
                      "commit it later to updateTable with the requirement assert-create.")]
    [OpenApiRequestBody(typeof(CreateTableRequestDoc))]
    [OpenApiResponse(200, typeof(LoadTableResultDoc))]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    [OpenApiResponse(409, Description = "AlreadyExistsException: a table or view of that name exists")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var target = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.TableCreate, ct);
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        return await idempotency.RunAsync(request, () => CreateAsync(target, body, ct), ct);
    }

    private async Task<IActionResult> CreateAsync(NamespaceTarget target, JsonObject body, CancellationToken ct)
    {
        var name = ObjectName.Validate(IcebergRequest.RequiredString(body, "name"));
        var id = new TableIdent(target.Catalog.Name, target.Namespace, name);
        var schema = IcebergRequest.Parse(() => SchemaJson.Read(body["schema"] ?? throw IcebergErrors.BadRequestError("Invalid request: 'schema' is required."), "$.schema"));
        var spec = body["partition-spec"] is { } specNode ? IcebergRequest.Parse(() => PartitionSpecJson.Read(specNode, "$.partition-spec")) : PartitionSpec.Unpartitioned;
        var order = body["write-order"] is { } orderNode ? IcebergRequest.Parse(() => SortOrderJson.Read(orderNode, "$.write-order")) : SortOrder.Unsorted;
        var properties = IcebergRequest.StringMap(body, "properties");
        var staged = IcebergRequest.OptionalBool(body, "stage-create");
        var nsProperties = await namespaces.LoadAsync(id.Catalog, id.Namespace, ct) ?? throw IcebergErrors.NoSuchNamespaceError(id.Namespace.ToString());
        var location = IcebergRequest.OptionalString(body, "location")?.TrimEnd('/') ?? ObjectLocations.Default(target.Catalog, id.Namespace, name, nsProperties);
        committer.RequireOwnedLocation(location);
        var metadata = IcebergRequest.Parse(() => TableMetadata.NewTable(schema, spec, order, location, properties,
            timestampMs: clock.GetUtcNow().ToUnixTimeMilliseconds()));

        if (await objects.FindAsync(id.Catalog, id.Namespace, name, ct) is { } existing)
        {
            throw IcebergErrors.ObjectExists(id.ToString(), existing.Kind.Stored());
        }
        if (staged)
        {
            return new IcebergJsonResult(200, TableMetadataFiles.Staged(metadata).Body(refsOnly: false), null);
        }
        var written = await committer.CreateTableAsync(id, metadata, ct);
        await changes.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.TableCreated, id.Catalog, id.Namespace, id.Name, written.MetadataLocation, target.Caller);
        return new IcebergJsonResult(200, written.Body(refsOnly: false), written.ETag(refsOnly: false));
    }
}
