using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Classifications;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Catalog.Tables;

/// <param name="Owners">User ids (at most 20); an empty list clears the owners.</param>
public sealed record TableOwnersRequest([property: Required, MaxLength(PutTableOwners.MaxOwners)] List<string>? Owners);

public sealed class PutTableOwners(CatalogTableAccess tables, AnnotationStore annotations, ClassificationRequestStore requests, CatalogChanges changes)
{
    public const int MaxOwners = 20;

    [Function("catalog-tables-owners-put")]
    [OpenApiOperation("Data catalog", "Set a table's owners")]
    [OpenApiRequestBody(typeof(TableOwnersRequest))]
    [OpenApiResponse(200, typeof(TableDetailsView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = GetTableDetails.Route + "/owners")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: true, ct);
        var body = await RequestBody.ReadAsync<TableOwnersRequest>(request, ct);
        var owners = body.Owners!.Select(o => o?.Trim() ?? "").ToList();
        if (owners.Any(o => o.Length is 0 or > 64))
        {
            throw ValidationException.ForField("owners", "each owner is a user id of 1 to 64 characters");
        }
        var key = new TableKey(catalog, database, table);
        var entry = await tables.LoadAsync(request, key, ct);
        await annotations.SetOwnersAsync(key, owners.Distinct(StringComparer.Ordinal).ToList(), caller.UserId, ct);
        await changes.PublishAsync(key, CatalogChanges.Owners, caller.UserId, ct);
        return ApiResults.Ok(TableShapes.Details(entry, await annotations.GetAsync(key, ct), await requests.CountPendingAsync(key, ct)));
    }
}
