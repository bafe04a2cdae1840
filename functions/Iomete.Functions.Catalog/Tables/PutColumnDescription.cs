using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

/// <param name="Description">At most 4,000 characters; null or empty removes the catalog's description (the Iceberg doc shows again).</param>
public sealed record ColumnDescriptionRequest([property: StringLength(PutColumnDescription.MaxLength)] string? Description = null);

public sealed class PutColumnDescription(CatalogTableAccess tables, AnnotationStore annotations, CatalogChanges changes)
{
    public const int MaxLength = 4_000;

    [Function("catalog-tables-column-description-put")]
    [OpenApiOperation("Data catalog", "Set a column's description")]
    [OpenApiRequestBody(typeof(ColumnDescriptionRequest))]
    [OpenApiResponse(200, typeof(TableColumnView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = GetTableDetails.Route + "/columns/{column}/description")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        string column,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: true, ct);
        var body = await RequestBody.ReadAsync<ColumnDescriptionRequest>(request, ct);
        var key = new TableKey(catalog, database, table);
        var entry = await tables.LoadAsync(request, key, ct);
        var known = TableShapes.Columns(entry, null).FirstOrDefault(c => c.Name == column)
            ?? throw new NotFoundException("Column", $"{catalog}.{database}.{table}.{column}");
        await annotations.SetColumnDescriptionAsync(key, known.Name, string.IsNullOrWhiteSpace(body.Description) ? null : body.Description, caller.UserId, ct);
        await changes.PublishAsync(key, CatalogChanges.ColumnDescription, caller.UserId, ct);
        return ApiResults.Ok(TableShapes.Columns(entry, await annotations.GetAsync(key, ct)).First(c => c.Name == known.Name));
    }
}
