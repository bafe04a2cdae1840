using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Queries;

public sealed class GetQuery(ICallerAccessor callers, QueryAccess access, QueryRunner runner)
{
    [Function("sql-queries-get")]
    [OpenApiOperation("SQL queries", "Read a query: status, progress, row counts, duration and error")]
    [OpenApiResponse(200, typeof(QueryView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/queries/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var row = await access.RequireQueryAsync(caller, domain, id, ct);
        var view = row.ToView();
        return ApiResults.Ok(view.Status == QueryStatus.Running ? view with { Progress = runner.Progress(id) } : view);
    }
}
