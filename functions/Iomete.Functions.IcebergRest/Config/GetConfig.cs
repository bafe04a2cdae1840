using System.Text.Json.Serialization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Idempotency;
using Microsoft.Extensions.Options;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Config;

/// <summary>The spec's CatalogConfig.</summary>
public sealed record CatalogConfig(
    [property: JsonPropertyName("defaults")] IReadOnlyDictionary<string, string> Defaults,
    [property: JsonPropertyName("overrides")] IReadOnlyDictionary<string, string> Overrides,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<string> Endpoints,
    [property: JsonPropertyName("idempotency-key-lifetime")] string IdempotencyKeyLifetime);

public sealed class GetConfig(CatalogGate gate, IOptions<IdempotencyOptions> idempotency)
{
    /// <summary>Exactly the operations this service serves, as the spec spells them; the prefix is the catalog name.</summary>
    public static readonly IReadOnlyList<string> Endpoints =
    [
        "GET /v1/{prefix}/namespaces",
        "POST /v1/{prefix}/namespaces",
        "GET /v1/{prefix}/namespaces/{namespace}",
        "HEAD /v1/{prefix}/namespaces/{namespace}",
        "DELETE /v1/{prefix}/namespaces/{namespace}",
        "POST /v1/{prefix}/namespaces/{namespace}/properties",
        "GET /v1/{prefix}/namespaces/{namespace}/tables",
        "POST /v1/{prefix}/namespaces/{namespace}/tables",
        "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "HEAD /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "DELETE /v1/{prefix}/namespaces/{namespace}/tables/{table}",
        "POST /v1/{prefix}/namespaces/{namespace}/register",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/metrics",
        "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}/credentials",
        "POST /v1/{prefix}/tables/rename",
        "POST /v1/{prefix}/transactions/commit",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/plan",
        "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}/plan/{plan-id}",
        "DELETE /v1/{prefix}/namespaces/{namespace}/tables/{table}/plan/{plan-id}",
        "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/tasks",
        "GET /v1/{prefix}/namespaces/{namespace}/views",
        "POST /v1/{prefix}/namespaces/{namespace}/views",
        "GET /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "POST /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "DELETE /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "HEAD /v1/{prefix}/namespaces/{namespace}/views/{view}",
        "POST /v1/{prefix}/views/rename",
        "POST /v1/{prefix}/namespaces/{namespace}/register-view",
    ];

    [Function("iceberg-config")]
    [OpenApiOperation("Iceberg REST catalog", "Catalog configuration",
        Description = "overrides.prefix is the catalog name: clients then call /catalogs/{catalog}/v1/{catalog}/namespaces.")]
    [OpenApiQuery("warehouse", "Catalog name; when given it must be this catalog")]
    [OpenApiResponse(200, typeof(CatalogConfig))]
    [OpenApiResponse(404, Description = "NoSuchWarehouseException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/config")] HttpRequest request,
        string catalog,
        CancellationToken ct)
    {
        await gate.AuthenticateAsync(request, ct);
        var warehouse = request.Query["warehouse"].ToString();
        var view = await gate.CatalogAsync(catalog, warehouse.Length == 0 ? null : warehouse, ct);
        return ApiResults.Ok(new CatalogConfig(
            new Dictionary<string, string>(),
            new Dictionary<string, string> { ["prefix"] = view.Name },
            Endpoints,
            idempotency.Value.LifetimeIso));
    }
}
