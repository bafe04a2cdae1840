using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.SparkSettings;

public sealed class GetGlobalSparkSettings(ICallerAccessor callers, IAccessControl access, SparkSettingsStore store)
{
    [Function("core-spark-settings-global-get")]
    [OpenApiOperation("Spark settings", "Read the global Spark settings", Description = "Sensitive values read as *****.")]
    [OpenApiResponse(200, typeof(SparkSettingsView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/spark-settings")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        return ApiResults.Ok(await store.GetAsync(SparkSettingsStore.GlobalScope, ct));
    }
}
