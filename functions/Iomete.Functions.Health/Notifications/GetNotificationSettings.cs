using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Notifications;

/// <summary>Who is told when a component's status changes.</summary>
public sealed class GetNotificationSettings(ICallerAccessor callers, IAccessControl access, NotificationSettingsStore store, IOptions<HealthNotificationOptions> options)
{
    [Function("health-notifications-get")]
    [OpenApiOperation("Health check", "Status-change notification settings")]
    [OpenApiResponse(200, typeof(NotificationSettingsView))]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/health-check/notifications")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.AdministrationManager, forRead: true);
        return ApiResults.Ok(View(await store.GetAsync(ct), options.Value));
    }

    internal static NotificationSettingsView View(NotificationSettings settings, HealthNotificationOptions options) =>
        new(settings.Emails, settings.Webhooks, (int)options.MinimumInterval.TotalSeconds, settings.UpdatedAt, settings.UpdatedBy);
}
