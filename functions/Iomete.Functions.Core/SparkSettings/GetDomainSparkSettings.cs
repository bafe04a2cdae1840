using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.SparkSettings;

public sealed class GetDomainSparkSettings(ICallerAccessor callers, IAccessControl access, SparkSettingsStore store)
{
    [Function("core-spark-settings-domain-get")]
    [OpenApiOperation("Spark settings", "Read a domain's Spark settings", Description = "Sensitive values read as *****.")]
    [OpenApiResponse(200, typeof(SparkSettingsView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/spark-settings")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ViewSparkSettings, ct);
        return ApiResults.Ok(await store.GetAsync(SparkSettingsStore.DomainScope(domain), ct));
    }
}
