using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class RegisterView(CatalogGate gate, ViewCatalog views, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-views-register")]
    [OpenApiOperation("Iceberg REST catalog", "Register a view from an existing metadata file",
        Description = "The file must lie under the catalog store's root and hold valid view metadata (400 otherwise).")]
    [OpenApiRequestBody(typeof(RegisterViewRequest))]
    [OpenApiResponse(200, typeof(LoadViewResult))]
    [OpenApiResponse(400, Description = "BadRequestException: no such file, or not view metadata")]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    [OpenApiResponse(409, Description = "AlreadyExistsException: a table or view holds the name")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/register-view")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var (caller, view, ns) = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.ViewRegister, ct);
        var body = await RequestBody.ReadAsync<RegisterViewRequest>(request, ct);
        var name = ObjectName.Validate(body.Name, "view");
        var location = string.IsNullOrEmpty(body.MetadataLocation)
            ? throw IcebergErrors.BadRequestError("Invalid request body: missing required member 'metadata-location'.")
            : body.MetadataLocation;

        return await idempotency.RunAsync(request, async () =>
        {
            var registered = await views.RegisterAsync(view, ns, name, location, ct);
            await changes.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.ViewCreated, view.Name, ns, name, registered.MetadataLocation, caller);
            return ApiResults.Ok(LoadViewResult.From(registered));
        }, ct);
    }
}
