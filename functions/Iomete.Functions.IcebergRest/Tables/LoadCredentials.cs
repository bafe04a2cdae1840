using System.Text.Json.Serialization;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>The spec's LoadCredentialsResponse.</summary>
public sealed record LoadCredentialsResponse(
    [property: JsonPropertyName("storage-credentials")] IReadOnlyList<StorageCredential> StorageCredentials);

public sealed record StorageCredential(
    [property: JsonPropertyName("prefix")] string Prefix,
    [property: JsonPropertyName("config")] IReadOnlyDictionary<string, string> Config);

public sealed class LoadCredentials(CatalogGate gate, TableCommitter tables)
{
    [Function("iceberg-tables-credentials")]
    [OpenApiOperation("Iceberg REST catalog", "Load vended credentials for a table",
        Description = "The platform does not vend storage credentials yet (no STS here): the list is empty and engines use their own storage configuration.")]
    [OpenApiResponse(200, typeof(LoadCredentialsResponse))]
    [OpenApiResponse(404, Description = "NoSuchTableException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}/credentials")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        await tables.LoadAsync(target.Table, ct);
        return ApiResults.Ok(new LoadCredentialsResponse([]));
    }
}
