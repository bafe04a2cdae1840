using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.SystemConfig;

public sealed class ResetSystemConfig(ICallerAccessor callers, IAccessControl access, SystemConfigStore store)
{
    [Function("core-system-config-reset")]
    [OpenApiOperation("System config", "Reset a system-config key to its default")]
    [OpenApiResponse(200, typeof(SystemConfigEntry))]
    [OpenApiResponse(404, Description = "Unknown key")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/system-config/{key}")] HttpRequest request,
        string key,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var known = SystemConfigKeys.Find(key) ?? throw new NotFoundException("System config key", key);
        return ApiResults.Ok(await store.ResetAsync(known, ct));
    }
}
