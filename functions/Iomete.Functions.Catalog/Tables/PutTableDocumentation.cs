using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Classifications;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Tables;

/// <param name="Description">Markdown, at most 65,536 characters; null or empty clears the documentation.</param>
public sealed record TableDocumentationRequest([property: StringLength(PutTableDocumentation.MaxLength)] string? Description = null);

public sealed class PutTableDocumentation(CatalogTableAccess tables, AnnotationStore annotations, ClassificationRequestStore requests, CatalogChanges changes)
{
    public const int MaxLength = 65_536;

    [Function("catalog-tables-documentation-put")]
    [OpenApiOperation("Data catalog", "Set a table's documentation (Markdown)")]
    [OpenApiRequestBody(typeof(TableDocumentationRequest))]
    [OpenApiResponse(200, typeof(TableDetailsView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = GetTableDetails.Route + "/documentation")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: true, ct);
        var body = await RequestBody.ReadAsync<TableDocumentationRequest>(request, ct);
        var key = new TableKey(catalog, database, table);
        var entry = await tables.LoadAsync(request, key, ct);
        await annotations.SetDescriptionAsync(key, string.IsNullOrWhiteSpace(body.Description) ? null : body.Description, caller.UserId, ct);
        await changes.PublishAsync(key, CatalogChanges.Documentation, caller.UserId, ct);
        return ApiResults.Ok(TableShapes.Details(entry, await annotations.GetAsync(key, ct), await requests.CountPendingAsync(key, ct)));
    }
}
