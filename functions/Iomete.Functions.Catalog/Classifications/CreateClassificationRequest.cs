using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Catalog.Classifications;

/// <param name="ColumnName">The column to tag; absent to tag the table itself.</param>
public sealed record NewClassificationRequest(
    [property: Required] ClassificationRequestType? RequestType,
    [property: Required, StringLength(128, MinimumLength = 1)] string? TagName,
    [property: Required, StringLength(255, MinimumLength = 1)] string? CatalogName,
    [property: Required, StringLength(255, MinimumLength = 1)] string? SchemaName,
    [property: Required, StringLength(255, MinimumLength = 1)] string? TableName,
    [property: StringLength(255)] string? ColumnName = null,
    [property: StringLength(2000)] string? Justification = null);

public sealed class CreateClassificationRequest(
    CatalogTableAccess tables, ClassificationTagStore tags, ClassificationRequestStore requests, CatalogChanges changes, IIdGenerator ids)
{
    [Function("catalog-domain-classification-requests-create")]
    [OpenApiOperation("Classifications", "Request to add or remove a classification tag",
        Description = "The table (and column) must be visible to the requester. 409 when a request for the same tag and object is in review, when an ADD names a tag the object has, or a REMOVE one it has not.")]
    [OpenApiRequestBody(typeof(NewClassificationRequest))]
    [OpenApiResponse(201, typeof(ClassificationRequest))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ClassificationAccess.DomainRequests)] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: false, ct);
        var body = await RequestBody.ReadAsync<NewClassificationRequest>(request, ct);
        var tag = await tags.GetByNameAsync(body.TagName!.Trim(), ct)
            ?? throw ValidationException.ForField("tagName", $"no classification tag is named '{body.TagName}'");
        var key = new TableKey(body.CatalogName!.Trim(), body.SchemaName!.Trim(), body.TableName!.Trim());
        var entry = await tables.LoadAsync(request, key, ct);
        string? column = null;
        if (!string.IsNullOrWhiteSpace(body.ColumnName))
        {
            column = TableShapes.Columns(entry, null).FirstOrDefault(c => c.Name == body.ColumnName.Trim())?.Name
                ?? throw ValidationException.ForField("columnName", $"'{key.Table}' has no column '{body.ColumnName}'");
        }
        var assigned = await tags.IsAssignedAsync(tag.Id, key, column, ct);
        var type = body.RequestType!.Value;
        if (type == ClassificationRequestType.Add && assigned)
        {
            throw new ConflictException($"'{ClassificationNames.RecordKey(key.Catalog, key.Database, key.Table, column)}' is already classified '{tag.Name}'.");
        }
        if (type == ClassificationRequestType.Remove && !assigned)
        {
            throw new ConflictException($"'{ClassificationNames.RecordKey(key.Catalog, key.Database, key.Table, column)}' is not classified '{tag.Name}'.");
        }
        var created = await requests.CreateAsync(new ClassificationRequestDraft(ids.NewId(), type, tag, key, column,
            string.IsNullOrWhiteSpace(body.Justification) ? null : body.Justification.Trim(), caller.UserId, domain), ct);
        await changes.PublishAsync(key, CatalogChanges.Classification, caller.UserId, ct);
        return ApiResults.Created(created, $"/api/v1/domains/{domain}/governance/classification-requests/{created.Id}");
    }
}
