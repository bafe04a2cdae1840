using System.Globalization;
using System.Text;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class SaveWorksheet(ICallerAccessor callers, WorksheetLoader loader, WorksheetStore worksheets, WorksheetContent content, WorkspaceAccess domainAccess)
{
    [Function("sql-worksheets-save")]
    [OpenApiOperation("SQL worksheets", "Save a worksheet (SQL text, compute, catalog, database, variables)",
        Description = "Optimistic concurrency: send the version last read (body 'version' or If-Match). A stale version is 409 unless the " +
                      "stored state already equals the request, so a retried save is idempotent.")]
    [OpenApiRequestBody(typeof(SaveWorksheetRequest))]
    [OpenApiResponse(200, typeof(WorksheetView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/sql/worksheets/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await domainAccess.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<SaveWorksheetRequest>(request, ct);
        var expected = body.Version ?? IfMatch(request) ?? throw ValidationException.ForField("version", "is required (or send If-Match)");
        var loaded = await loader.LoadAsync(caller, domain, id, WorkspaceAction.Put, ct);
        var text = body.Content!;
        var changed = new WorksheetStore.Row
        {
            Id = id, Compute = body.Compute, Catalog = body.Catalog, DatabaseName = body.Database,
            Variables = WorksheetStore.VariablesText(body.Variables),
            ContentSha256 = WorksheetContent.Sha256(text), ContentSize = Encoding.UTF8.GetByteCount(text),
        };
        // The row moves first so that of two racing saves only the winner writes the object.
        if (!await worksheets.TrySaveAsync(changed, expected, ct) && !SameState(loaded.Row, changed))
        {
            throw new ConflictException($"Worksheet '{id}' was changed since version {expected}; reload it and save again.");
        }
        await content.WriteAsync(id, text, ct);
        var saved = await loader.LoadAsync(caller, domain, id, WorkspaceAction.View, ct);
        request.HttpContext.Response.Headers.ETag = WorksheetViews.ETag(saved.Row.Version);
        return ApiResults.Ok(saved.View());
    }

    private static long? IfMatch(HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString().Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal))
        {
            raw = raw[2..];
        }
        raw = raw.Trim('"');
        if (raw.Length == 0)
        {
            return null;
        }
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ValidationException.ForField("If-Match", "must be a worksheet version such as \"3\"");
    }

    private static bool SameState(WorksheetStore.Row stored, WorksheetStore.Row wanted) =>
        stored.ContentSha256 == wanted.ContentSha256 && stored.Compute == wanted.Compute && stored.Catalog == wanted.Catalog &&
        stored.DatabaseName == wanted.DatabaseName && stored.Variables == wanted.Variables;
}
