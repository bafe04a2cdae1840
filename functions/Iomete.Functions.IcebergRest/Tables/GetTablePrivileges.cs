using Iomete.DataSecurity.Decisions;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Catalogs;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>What the caller may do with one table, in SQL terms.</summary>
public sealed record TablePrivilegesView(string Catalog, string Namespace, string Table, IReadOnlyList<string> Privileges);

/// <summary>
/// The caller's effective privileges on a table under the data-security policies (<c>SELECT</c>, <c>INSERT</c>, <c>UPDATE</c>, <c>DELETE</c>, <c>ALTER</c>,
/// <c>DROP</c>) as the catalog's authorizer decides them; services ask it before they accept work for a caller (the
/// event-stream ingest endpoint refuses a caller without INSERT), and the console uses it to show what is allowed.
/// </summary>
public sealed class GetTablePrivileges(ICallerAccessor callers, CatalogStore catalogs, CatalogObjectStore objects, ICatalogAuthorizer authorizer)
{
    private static readonly string[] Checked =
    [
        DataAccessTypes.Select, DataAccessTypes.Insert, DataAccessTypes.Update, DataAccessTypes.Delete, DataAccessTypes.Alter, DataAccessTypes.Drop,
    ];

    [Function("iceberg-tables-privileges")]
    [OpenApiOperation("Spark catalogs", "Show the caller's privileges on a table")]
    [OpenApiResponse(200, typeof(TablePrivilegesView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/catalogs/{catalog}/namespaces/{namespace}/tables/{table}/privileges")] HttpRequest request,
        string catalog,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        NamespaceName ns;
        try
        {
            ns = NamespaceName.Parse(@namespace);
        }
        catch (ApiException e)
        {
            throw ValidationException.ForField("namespace", e.Detail ?? e.Message);
        }
        var found = await catalogs.FindAsync(catalog, ct) ?? throw new NotFoundException("Catalog", catalog);
        var granted = (await authorizer.GrantedAsync(caller, new CatalogTarget(found.Name, ns.Levels, table), Checked, ct))
            .Select(a => a.ToUpperInvariant()).ToList();
        if (granted.Count == 0)
        {
            throw new ForbiddenException($"No privileges on table '{catalog}.{@namespace}.{table}'.");
        }
        var target = await objects.FindAsync(found.Name, ns, table, ct);
        if (target?.Kind != CatalogObjectKind.Table)
        {
            throw new NotFoundException("Table", $"{catalog}.{@namespace}.{table}");
        }
        return ApiResults.Ok(new TablePrivilegesView(found.Name, @namespace, table, granted));
    }
}
