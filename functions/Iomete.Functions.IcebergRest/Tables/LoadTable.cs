using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class LoadTable(CatalogGate gate, TableCommitter tables, TableReadAccess reads)
{
    [Function("iceberg-tables-load")]
    [OpenApiOperation("Iceberg REST catalog", "Load a table",
        Description = "snapshots=all (default) or refs (only snapshots a branch or tag references). The ETag names the metadata file " +
                      "and mode; send it back in If-None-Match to get 304 while the table is unchanged.")]
    [OpenApiQuery("snapshots", "all or refs")]
    [OpenApiResponse(200, typeof(LoadTableResultDoc))]
    [OpenApiResponse(304, Description = "Not modified (If-None-Match matched)")]
    [OpenApiResponse(404, Description = "NoSuchTableException or NoSuchNamespaceException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        var refsOnly = request.Query["snapshots"].ToString() switch
        {
            "" or "all" => false,
            "refs" => true,
            var other => throw IcebergErrors.BadRequestError($"Invalid snapshots mode '{other}': expected all or refs."),
        };
        var (_, loaded) = await tables.LoadAsync(target.Table, ct);
        var policyConfig = await reads.LoadConfigAsync(request, target, loaded.Metadata.CurrentSchema, ct);
        var etag = loaded.ETag(refsOnly, policyConfig);
        if (request.Headers.IfNoneMatch.Any(v => v is not null && (v == etag || v == "*" || v.Split(',').Any(t => t.Trim() == etag))))
        {
            return IcebergJsonResult.NotModified(etag);
        }
        return new IcebergJsonResult(200, loaded.Body(refsOnly, policyConfig), etag);
    }
}
