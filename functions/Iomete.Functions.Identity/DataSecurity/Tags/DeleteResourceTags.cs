using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.DataSecurity.Tags;

public sealed class DeleteResourceTags(ICallerAccessor callers, IAccessControl access, ResourceTagStore tags)
{
    [Function("identity-data-security-resource-tags-delete")]
    [OpenApiOperation("Data security", "Remove the tags of one table or column", Description = "Query: catalog, database, table (required), column.")]
    [OpenApiQuery("catalog", "The catalog (required)")]
    [OpenApiQuery("database", "The database (required)")]
    [OpenApiQuery("table", "The table (required)")]
    [OpenApiQuery("column", "The column; absent for the table's own tags")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/data-security/resource-tags")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DataSecurityAndAuditManager);
        var errors = new ValidationErrors();
        var catalog = ListResourceTags.Text(request, "catalog");
        var database = ListResourceTags.Text(request, "database");
        var table = ListResourceTags.Text(request, "table");
        foreach (var (value, field) in new[] { (catalog, "catalog"), (database, "database"), (table, "table") })
        {
            if (value is null)
            {
                errors.Add(field, "is required");
            }
        }
        errors.ThrowIfAny();
        var column = ListResourceTags.Text(request, "column");
        if (!await tags.DeleteAsync(catalog!, database!, table!, column, ct))
        {
            throw new NotFoundException("Tag assignment", string.Join('.', new[] { catalog, database, table, column }.Where(p => p is not null)));
        }
        return ApiResults.NoContent();
    }
}
