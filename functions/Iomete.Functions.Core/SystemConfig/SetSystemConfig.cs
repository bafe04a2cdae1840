using System.Globalization;
using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Core.SystemConfig;

/// <summary>The new value; a string, or a JSON number/boolean for numeric and boolean keys.</summary>
public sealed record SetSystemConfigRequest(JsonElement? Value = null);

public sealed class SetSystemConfig(ICallerAccessor callers, IAccessControl access, SystemConfigStore store)
{
    [Function("core-system-config-put")]
    [OpenApiOperation("System config", "Change the value of a system-config key")]
    [OpenApiRequestBody(typeof(SetSystemConfigRequest))]
    [OpenApiResponse(200, typeof(SystemConfigEntry))]
    [OpenApiResponse(400, Description = "The value does not fit the key's type")]
    [OpenApiResponse(404, Description = "Unknown key")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/system-config/{key}")] HttpRequest request,
        string key,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var known = SystemConfigKeys.Find(key) ?? throw new NotFoundException("System config key", key);
        var body = await RequestBody.ReadAsync<SetSystemConfigRequest>(request, ct);
        var raw = body.Value switch
        {
            { ValueKind: JsonValueKind.String } v => v.GetString()!,
            { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
            { ValueKind: JsonValueKind.True } => "true",
            { ValueKind: JsonValueKind.False } => "false",
            _ => throw ValidationException.ForField("value", "is required: a string, number or boolean"),
        };
        var (value, error) = SystemConfigValues.Normalize(known, raw);
        if (value is null)
        {
            throw ValidationException.ForField("value", string.Format(CultureInfo.InvariantCulture, "{0} ({1} key '{2}')", error, known.Type.ToString().ToLowerInvariant(), key));
        }

        return ApiResults.Ok(await store.SetAsync(known, value, caller.Username, ct));
    }
}
