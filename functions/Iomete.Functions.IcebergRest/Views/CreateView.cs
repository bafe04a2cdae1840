using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class CreateView(CatalogGate gate, ViewCatalog views, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-views-create")]
    [OpenApiOperation("Iceberg REST catalog", "Create a view",
        Description = "The view gets version 1 of the given query; its schema-id becomes the id assigned to the given schema. " +
                      "Without a location it goes under the namespace's location property or the catalog's warehouse.")]
    [OpenApiRequestBody(typeof(CreateViewRequest))]
    [OpenApiResponse(200, typeof(LoadViewResult))]
    [OpenApiResponse(400, Description = "BadRequestException: a malformed schema or view version, two queries for one dialect")]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    [OpenApiResponse(409, Description = "AlreadyExistsException: a table or view holds the name")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/views")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var (caller, view, ns) = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.ViewCreate, ct);
        var input = await ViewRequests.ReadCreateAsync(request, ct);

        return await idempotency.RunAsync(request, async () =>
        {
            var created = await views.CreateAsync(view, ns, input.Name, input.Location, input.Schema, input.Version, input.Properties, ct);
            await changes.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.ViewCreated, view.Name, ns, input.Name, created.MetadataLocation, caller);
            return ApiResults.Ok(LoadViewResult.From(created));
        }, ct);
    }
}
