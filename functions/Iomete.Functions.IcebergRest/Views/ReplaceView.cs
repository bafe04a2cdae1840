using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class ReplaceView(CatalogGate gate, ViewCatalog views, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-views-replace")]
    [OpenApiOperation("Iceberg REST catalog", "Commit updates to a view",
        Description = "Requirements (assert-view-uuid) are checked against the current metadata (409 CommitFailedException), then the updates " +
                      "apply in order (-1 = added in this commit) and a new metadata file replaces the old one by compare-and-swap.")]
    [OpenApiRequestBody(typeof(CommitViewRequest))]
    [OpenApiResponse(200, typeof(LoadViewResult))]
    [OpenApiResponse(400, Description = "BadRequestException: an unknown or inapplicable update or requirement")]
    [OpenApiResponse(404, Description = "NoSuchViewException")]
    [OpenApiResponse(409, Description = "CommitFailedException: a requirement failed; refresh and retry")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/views/{view}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string view,
        CancellationToken ct)
    {
        var target = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.ViewWriteProperties, ct, view);
        var name = ObjectName.Validate(view, "view");
        var input = await ViewRequests.ReadCommitAsync(request, target.Namespace, name, ct);

        return await idempotency.RunAsync(request, async () =>
        {
            var replaced = await views.CommitAsync(target.Catalog, target.Namespace, name, input.Requirements, input.Updates, ct);
            await changes.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.ViewReplaced, target.Catalog.Name, target.Namespace, name, replaced.MetadataLocation, target.Caller);
            return ApiResults.Ok(LoadViewResult.From(replaced));
        }, ct);
    }
}
