using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class RegisterTable(CatalogGate gate, CatalogObjectStore objects, TableMetadataFiles files, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-tables-register")]
    [OpenApiOperation("Iceberg REST catalog", "Register a table from a metadata file",
        Description = "The metadata file must lie in the warehouse and parse as table metadata. overwrite=true repoints an existing table.")]
    [OpenApiRequestBody(typeof(RegisterTableRequestDoc))]
    [OpenApiResponse(200, typeof(LoadTableResultDoc))]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException, or NotFoundException for a missing metadata file")]
    [OpenApiResponse(409, Description = "AlreadyExistsException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/register")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var target = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.TableRegister, ct);
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        var name = ObjectName.Validate(IcebergRequest.RequiredString(body, "name"));
        var location = IcebergRequest.RequiredString(body, "metadata-location");
        var overwrite = IcebergRequest.OptionalBool(body, "overwrite");
        var id = new TableIdent(target.Catalog.Name, target.Namespace, name);

        return await idempotency.RunAsync(request, async () =>
        {
            if (!files.IO.Owns(location))
            {
                throw IcebergErrors.BadRequestError($"Metadata location '{location}' is outside the warehouse '{files.IO.Root}'.");
            }
            var loaded = await files.ReadAsync(location, ct);
            var existing = await objects.FindAsync(id.Catalog, id.Namespace, name, ct);
            if (existing is not null && (!overwrite || existing.Kind != CatalogObjectKind.Table))
            {
                throw IcebergErrors.ObjectExists(id.ToString(), existing.Kind.Stored());
            }
            if (existing is null || !await objects.OverwriteAsync(id.Catalog, id.Namespace, name, CatalogObjectKind.Table, location, ct))
            {
                await objects.CreateAsync(id.Catalog, id.Namespace, name, CatalogObjectKind.Table, location, ct);
            }
            await changes.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.TableRegistered, id.Catalog, id.Namespace, id.Name, location, target.Caller);
            return new IcebergJsonResult(200, loaded.Body(refsOnly: false), loaded.ETag(refsOnly: false));
        }, ct);
    }
}
