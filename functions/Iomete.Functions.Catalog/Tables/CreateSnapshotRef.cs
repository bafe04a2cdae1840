using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Metadata;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Catalog.Tables;

public enum SnapshotRefKind
{
    Branch,
    Tag,
}

/// <param name="Name">The new branch or tag name (must not exist yet).</param>
/// <param name="SnapshotId">The snapshot it points at; the current snapshot when absent.</param>
/// <param name="MinSnapshotsToKeep">Branches only.</param>
/// <param name="MaxSnapshotAgeMs">Branches only.</param>
public sealed record CreateSnapshotRefRequest(
    [property: Required, StringLength(255, MinimumLength = 1)] string? Name,
    [property: Required] SnapshotRefKind? Type,
    long? SnapshotId = null,
    [property: Range(1L, long.MaxValue)] long? MaxRefAgeMs = null,
    [property: Range(1L, long.MaxValue)] long? MaxSnapshotAgeMs = null,
    [property: Range(1, int.MaxValue)] int? MinSnapshotsToKeep = null);

public sealed class CreateSnapshotRef(CatalogTableAccess tables, CatalogChanges changes)
{
    [Function("catalog-tables-snapshot-refs-create")]
    [OpenApiOperation("Data catalog", "Create a branch or tag",
        Description = "Commits the new ref through the Iceberg REST catalog as the caller (ALTER on the table is required). 409 when a ref of that name exists.")]
    [OpenApiRequestBody(typeof(CreateSnapshotRefRequest))]
    [OpenApiResponse(201, typeof(SnapshotsView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = GetTableDetails.Route + "/snapshots/refs")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await tables.RequireAsync(request, domain, manage: true, ct);
        var body = await RequestBody.ReadAsync<CreateSnapshotRefRequest>(request, ct);
        var name = body.Name!.Trim();
        var isTag = body.Type == SnapshotRefKind.Tag;
        if (isTag && (body.MaxSnapshotAgeMs is not null || body.MinSnapshotsToKeep is not null))
        {
            throw ValidationException.ForField("type", "maxSnapshotAgeMs and minSnapshotsToKeep apply to branches only");
        }
        var key = new TableKey(catalog, database, table);
        var loaded = await tables.LoadTableAsync(request, key, ct);
        var m = loaded.Metadata;
        var snapshotId = body.SnapshotId ?? m.CurrentSnapshotId
            ?? throw ValidationException.ForField("snapshotId", "the table has no snapshot yet");
        if (m.SnapshotById(snapshotId) is null)
        {
            throw ValidationException.ForField("snapshotId", $"snapshot {snapshotId} does not exist");
        }
        if (m.Refs.ContainsKey(name))
        {
            throw new ConflictException($"'{name}' already exists on {catalog}.{database}.{table}.");
        }
        var reference = new SnapshotRef(snapshotId, isTag ? SnapshotRefType.Tag : SnapshotRefType.Branch,
            body.MinSnapshotsToKeep, body.MaxSnapshotAgeMs, body.MaxRefAgeMs);
        var lakehouse = tables.CatalogFor(request);
        var ident = CatalogTableAccess.Ident(key);
        var committed = await CatalogTableAccess.CallAsync(
            () => lakehouse.CommitAsync(ident, [new AssertRefSnapshotId(name, null)], [new SetSnapshotRef(name, reference)], ct), ident);
        await changes.PublishAsync(key, CatalogChanges.SnapshotRef, caller.UserId, ct);
        return ApiResults.Created(TableShapes.Snapshots(committed.Metadata),
            $"/api/v1/domains/{domain}/data-catalog/catalogs/{catalog}/databases/{database}/tables/{table}/snapshots");
    }
}
