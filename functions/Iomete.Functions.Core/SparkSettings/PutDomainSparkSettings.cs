using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.SparkSettings;

public sealed class PutDomainSparkSettings(ICallerAccessor callers, IAccessControl access, SparkSettingsStore store)
{
    [Function("core-spark-settings-domain-put")]
    [OpenApiOperation("Spark settings", "Replace a domain's Spark settings",
        Description = "Domain settings override global ones key by key. A sensitive setting sent as ***** keeps its stored value.")]
    [OpenApiRequestBody(typeof(SparkSettingsRequest))]
    [OpenApiResponse(200, typeof(SparkSettingsView))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/spark-settings")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSparkSettings, ct);
        var changes = SparkSettingRules.Validate(await RequestBody.ReadAsync<SparkSettingsRequest>(request, ct));
        return ApiResults.Ok(await store.ReplaceAsync(SparkSettingsStore.DomainScope(domain), changes, caller.Username, ct));
    }
}
