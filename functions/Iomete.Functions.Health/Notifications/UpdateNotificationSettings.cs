using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Notifications;

/// <summary>Replaces the email recipients and webhook URLs told about status changes.</summary>
public sealed class UpdateNotificationSettings(ICallerAccessor callers, IAccessControl access, NotificationSettingsStore store, IOptions<HealthNotificationOptions> options)
{
    [Function("health-notifications-update")]
    [OpenApiOperation("Health check", "Replace the status-change notification settings")]
    [OpenApiRequestBody(typeof(NotificationSettingsRequest))]
    [OpenApiResponse(200, typeof(NotificationSettingsView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/health-check/notifications")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var body = await RequestBody.ReadAsync<NotificationSettingsRequest>(request, ct);
        var (emails, webhooks) = NotificationRules.Validate(body);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager);
        var saved = await store.SaveAsync(emails, webhooks, caller.Username, ct);
        return ApiResults.Ok(GetNotificationSettings.View(saved, options.Value));
    }
}
