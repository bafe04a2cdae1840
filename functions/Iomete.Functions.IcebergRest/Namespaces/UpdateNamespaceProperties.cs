using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Namespaces;

public sealed class UpdateNamespaceProperties(CatalogGate gate, NamespaceStore namespaces, TableChangePublisher changes)
{
    [Function("iceberg-namespaces-update-properties")]
    [OpenApiOperation("Iceberg REST catalog", "Set or remove namespace properties",
        Description = "missing lists removals that were not set; a key both removed and updated is a 422.")]
    [OpenApiRequestBody(typeof(UpdateNamespacePropertiesRequest))]
    [OpenApiResponse(200, typeof(UpdateNamespacePropertiesResponse))]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    [OpenApiResponse(422, Description = "A key is both removed and updated")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/properties")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(request, ct);
        var view = await gate.CatalogAsync(catalog, prefix, ct);
        var ns = NamespaceName.Parse(@namespace);
        var body = await RequestBody.ReadAsync<UpdateNamespacePropertiesRequest>(request, ct);
        var removals = (body.Removals ?? []).Distinct(StringComparer.Ordinal).ToList();
        var updates = body.Updates ?? new Dictionary<string, string>();
        var both = removals.Where(updates.ContainsKey).ToList();
        if (both.Count > 0)
        {
            throw IcebergErrors.Unprocessable($"Properties are both removed and updated: {string.Join(", ", both)}");
        }
        await gate.AuthorizeAsync(caller, CatalogPrivilege.NamespaceWriteProperties, view, ns, ct);

        var change = await namespaces.UpdatePropertiesAsync(view.Name, ns, removals, updates, ct)
                     ?? throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
        await changes.NamespaceAsync(Iomete.Platform.Messaging.TableChangeKinds.NamespaceUpdated, view.Name, ns, caller);
        return ApiResults.Ok(new UpdateNamespacePropertiesResponse(change.Updated, change.Removed, change.Missing));
    }
}
