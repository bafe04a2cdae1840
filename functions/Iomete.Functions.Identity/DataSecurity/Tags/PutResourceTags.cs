using System.Text.RegularExpressions;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Tags;

/// <summary>The tags of one table (no column) or column; an empty <see cref="Tags"/> list removes the assignment.</summary>
public sealed record ResourceTagsBody
{
    public string? Catalog { get; init; }
    public string? Database { get; init; }
    public string? Table { get; init; }
    public string? Column { get; init; }
    public List<string>? Tags { get; init; }
}

public sealed partial class PutResourceTags(ICallerAccessor callers, IAccessControl access, ResourceTagStore tags)
{
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex TagPattern();

    [Function("identity-data-security-resource-tags-put")]
    [OpenApiOperation("Data security", "Assign classification tags to a table or column (replaces its tags)")]
    [OpenApiRequestBody(typeof(ResourceTagsBody))]
    [OpenApiResponse(200, typeof(ResourceTagAssignment))]
    [OpenApiResponse(204)]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/data-security/resource-tags")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager);
        var body = await RequestBody.ReadAsync<ResourceTagsBody>(request, ct);
        var errors = new ValidationErrors();
        foreach (var (value, field, required) in new[]
                 {
                     (body.Catalog, "catalog", true), (body.Database, "database", true), (body.Table, "table", true), (body.Column, "column", false),
                 })
        {
            if ((required && string.IsNullOrWhiteSpace(value)) || value is { Length: > 255 })
            {
                errors.Add(field, required ? "is required (1 to 255 characters)" : "must be at most 255 characters");
            }
        }
        var names = (body.Tags ?? []).Select(t => t?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (body.Tags is null)
        {
            errors.Add("tags", "is required (an empty list removes the tags)");
        }
        if (names.Count > 50 || names.Any(t => !TagPattern().IsMatch(t)))
        {
            errors.Add("tags", "at most 50 tags of 1 to 128 letters, digits, '_', '-' or '.'");
        }
        errors.ThrowIfAny();

        var saved = await tags.SetAsync(body.Catalog!, body.Database!, body.Table!, body.Column, names, caller.Username, ct);
        return saved is null ? ApiResults.NoContent() : ApiResults.Ok(saved);
    }
}
