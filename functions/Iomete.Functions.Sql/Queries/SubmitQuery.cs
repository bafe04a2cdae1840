using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Sql.Compute;
using Iomete.Functions.Sql.SparkConnect;
using Iomete.Platform.Errors;
using ValidationException = Iomete.Platform.Errors.ValidationException;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Sql.Queries;

/// <param name="Query">One SQL statement; <c>{{name}}</c> placeholders are replaced by <paramref name="Variables"/>.</param>
/// <param name="ComputeCluster">The compute to run on: <c>local</c> (the embedded engine) or the name of a compute cluster of the domain (an ACTIVE Spark cluster, reached over Spark Connect).</param>
/// <param name="Limit">Rows to keep in the result (the editor sends 1–10,000, default 100); null keeps all rows.</param>
/// <param name="WaitSeconds">Wait up to this long (0–60 s) and answer 200 with the finished query.</param>
public sealed record SubmitQueryRequest(
    [property: Required, StringLength(1_000_000, MinimumLength = 1)] string Query,
    [property: Required, StringLength(64)] string ComputeCluster,
    [property: StringLength(255)] string? Catalog = null,
    [property: StringLength(255)] string? Database = null,
    Dictionary<string, string>? Variables = null,
    [property: Range(1, int.MaxValue)] int? Limit = null,
    [property: Range(0, SubmitQuery.MaxWaitSeconds)] int? WaitSeconds = null);

public sealed class SubmitQuery(
    ICallerAccessor callers, QueryAccess access, QueryStore store, QueryRunner runner, IIdGenerator ids,
    IComputeDirectory computeDirectory, IOptions<SparkConnectOptions> sparkOptions)
{
    public const int MaxWaitSeconds = 60;
    // An internal call acting for a user (a SQL job) reaches the catalog the same way, as that user.
    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token", "Cookie", InternalCallOptions.Header, InternalCallOptions.RunAsHeader];

    [Function("sql-queries-submit")]
    [OpenApiOperation("SQL queries", "Run one SQL statement", Description = "Answers 202 with the id at once, or 200 with the finished query when it ends within 'wait' seconds.")]
    [OpenApiQuery("wait", "Seconds (0-60) to wait for the query to finish", Type = "integer")]
    [OpenApiRequestBody(typeof(SubmitQueryRequest))]
    [OpenApiResponse(202, typeof(QuerySubmitted))]
    [OpenApiResponse(200, typeof(QueryView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/queries")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller without access learns nothing from validation messages.
        await access.RequireDomainAsync(caller, domain, ct);

        var body = await RequestBody.ReadAsync<SubmitQueryRequest>(request, ct);
        var wait = ListQuery.ReadInt(request, "wait", body.WaitSeconds ?? 0, 0, MaxWaitSeconds);
        if (string.IsNullOrWhiteSpace(body.Query))
        {
            throw ValidationException.ForField("query", "must not be blank");
        }
        var sql = QueryVariables.Apply(body.Query, body.Variables);

        var credentials = CredentialHeaders
            .Where(h => request.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => request.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
        var spark = body.ComputeCluster == ComputeStore.Local ? null : await SparkTargetAsync(domain, body.ComputeCluster, caller, credentials, ct);

        var id = ids.NewId();
        var catalog = string.IsNullOrWhiteSpace(body.Catalog) ? null : body.Catalog.Trim();
        var database = string.IsNullOrWhiteSpace(body.Database) ? null : body.Database.Trim();
        await store.InsertAsync(new QueryDraft(id, domain, caller.UserId, sql, body.ComputeCluster, catalog, database, body.Limit), ct);
        runner.Enqueue(new QueryJob(id, sql, catalog, database, body.Limit, credentials, caller.UserId, spark));

        if (wait > 0 && await runner.WaitAsync(id, TimeSpan.FromSeconds(wait), ct))
        {
            var done = await store.FindAsync(id, ct);
            if (done is not null && QueryStatuses.IsFinal(done.ParsedStatus))
            {
                return ApiResults.Ok(done.ToView());
            }
        }
        var current = await store.FindAsync(id, ct);
        return ApiResults.Accepted(new QuerySubmitted(id, current?.ParsedStatus ?? QueryStatus.Submitted));
    }

    /// <summary>
    /// The Spark cluster a query names, resolved as the caller (404 unknown, 403 without CONSUME); null for a LOCAL one.
    /// A Spark cluster that is not ACTIVE is refused at once (409 COMPUTE_NOT_ACTIVE) rather than queued behind a start.
    /// </summary>
    private async Task<SparkTarget?> SparkTargetAsync(
        string domain, string cluster, Caller caller, IReadOnlyDictionary<string, string> credentials, CancellationToken ct)
    {
        var endpoint = await computeDirectory.ResolveAsync(domain, cluster, credentials, ct);
        if (!endpoint.IsSpark)
        {
            return null;
        }
        if (!endpoint.IsActive)
        {
            throw new ApiException(409, SqlErrorCodes.ComputeNotActive, "Compute cluster not active",
                $"Compute cluster '{cluster}' is {endpoint.Status}: start it first, then run the query again.");
        }
        if (string.IsNullOrWhiteSpace(endpoint.Host))
        {
            throw new ApiException(502, ErrorCodes.BadGateway, "Bad gateway", $"Compute cluster '{cluster}' is ACTIVE but has no SQL endpoint host.");
        }
        var address = new SparkConnectAddress(endpoint.Host, endpoint.SparkConnectPort ?? SparkConnectAddress.DefaultPort, sparkOptions.Value.UseTls, null);
        return new SparkTarget(cluster, address, caller.Username);
    }
}
