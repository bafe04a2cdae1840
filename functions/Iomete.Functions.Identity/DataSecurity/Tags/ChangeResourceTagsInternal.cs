using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Tags;

/// <summary>Single tags to add to and remove from one table (no column) or column.</summary>
public sealed record ResourceTagChange
{
    public string? Catalog { get; init; }
    public string? Database { get; init; }
    public string? Table { get; init; }
    public string? Column { get; init; }
    public List<string>? Add { get; init; }
    public List<string>? Remove { get; init; }
    /// <summary>The user the change is made for (the reviewer who approved a classification).</summary>
    public string? By { get; init; }
}

public sealed record ResourceTagChangeResult(IReadOnlyList<string> Tags);

/// <summary>
/// The catalog service's approved classifications, applied to the tags tag-based policies read (platform only). Unlike the
/// admin PUT it keeps the object's other tags; the policy-set version bumps, so the next decision sees the change.
/// </summary>
public sealed class ChangeResourceTagsInternal(ICallerAccessor callers, ResourceTagStore tags)
{
    [Function("identity-internal-resource-tags-change")]
    [OpenApiOperation("Internal", "Add and remove classification tags of a table or column (platform only)")]
    [OpenApiRequestBody(typeof(ResourceTagChange))]
    [OpenApiResponse(200, typeof(ResourceTagChangeResult))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/identity/data-security/resource-tags/changes")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        SystemCaller.RequireSystem(caller);
        var body = await RequestBody.ReadAsync<ResourceTagChange>(request, ct);
        if (string.IsNullOrWhiteSpace(body.Catalog) || string.IsNullOrWhiteSpace(body.Database) || string.IsNullOrWhiteSpace(body.Table))
        {
            throw new ValidationException("catalog, database and table are required.");
        }
        var add = (body.Add ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        var remove = (body.Remove ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        var after = await tags.ChangeAsync(body.Catalog, body.Database, body.Table, body.Column, add, remove, body.By, ct);
        return ApiResults.Ok(new ResourceTagChangeResult(after));
    }
}
