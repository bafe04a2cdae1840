using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Namespaces;

public sealed class CreateNamespace(CatalogGate gate, NamespaceStore namespaces, TableChangePublisher changes)
{
    [Function("iceberg-namespaces-create")]
    [OpenApiOperation("Iceberg REST catalog", "Create a namespace", Description = "A multi-level namespace needs its parent to exist.")]
    [OpenApiRequestBody(typeof(CreateNamespaceRequest))]
    [OpenApiResponse(200, typeof(NamespaceResponse))]
    [OpenApiResponse(404, Description = "The catalog or the parent namespace does not exist")]
    [OpenApiResponse(409, Description = "AlreadyExistsException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces")] HttpRequest request,
        string catalog,
        string prefix,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(request, ct);
        var view = await gate.CatalogAsync(catalog, prefix, ct);
        var body = await RequestBody.ReadAsync<CreateNamespaceRequest>(request, ct);
        var ns = NamespaceName.FromLevels(body.Namespace);
        var properties = body.Properties ?? new Dictionary<string, string>();
        await gate.AuthorizeAsync(caller, CatalogPrivilege.NamespaceCreate, view, ns, ct);

        await namespaces.CreateAsync(view.Name, ns, properties, ct);
        await changes.NamespaceAsync(Iomete.Platform.Messaging.TableChangeKinds.NamespaceCreated, view.Name, ns, caller);
        return ApiResults.Ok(new NamespaceResponse(ns.Levels, properties));
    }
}
