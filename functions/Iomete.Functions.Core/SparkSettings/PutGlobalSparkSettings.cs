using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.SparkSettings;

public sealed class PutGlobalSparkSettings(ICallerAccessor callers, IAccessControl access, SparkSettingsStore store)
{
    [Function("core-spark-settings-global-put")]
    [OpenApiOperation("Spark settings", "Replace the global Spark settings",
        Description = "Send every setting; a sensitive setting sent as ***** keeps its stored value.")]
    [OpenApiRequestBody(typeof(SparkSettingsRequest))]
    [OpenApiResponse(200, typeof(SparkSettingsView))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/spark-settings")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var changes = SparkSettingRules.Validate(await RequestBody.ReadAsync<SparkSettingsRequest>(request, ct));
        return ApiResults.Ok(await store.ReplaceAsync(SparkSettingsStore.GlobalScope, changes, caller.Username, ct));
    }
}
