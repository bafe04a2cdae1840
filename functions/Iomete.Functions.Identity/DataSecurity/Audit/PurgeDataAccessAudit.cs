using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.DataSecurity.Audit;

public sealed record AuditPurgeResult(int Deleted, DateTimeOffset Before);

/// <summary>Daily retention: data-access audit entries older than <c>Iomete:DataSecurity:AuditRetentionDays</c> are deleted.</summary>
public sealed class PurgeDataAccessAudit(ICallerAccessor callers, DataAccessAuditStore store, IOptions<DataSecurityOptions> options, TimeProvider clock)
{
    [Function("identity-data-security-audit-purge")]
    [CronBinding("identity-data-security-audit-purge", "@every 24h")]
    [OpenApiOperation("Internal", "Delete data-access audit entries past retention (platform only)")]
    [OpenApiResponse(200, typeof(AuditPurgeResult))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/identity/data-security/purge-audit")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        SystemCaller.RequireSystem(caller);
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.AuditRetentionDays);
        var deleted = await store.PurgeAsync(before, ct);
        return ApiResults.Ok(new AuditPurgeResult(deleted, before));
    }
}
