using Iomete.Functions.Health.Checks;
using Iomete.Functions.Health.History;
using Iomete.Functions.Health.Monitoring;
using Iomete.Functions.Health.Notifications;
using Iomete.Functions.Health.Probes;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Health;

/// <summary>Health checks of every platform component, their 48-hour history and status-change notifications.</summary>
public static class HealthRegistration
{
    /// <summary>The service's (and its database's) name.</summary>
    public const string Service = "health";

    public static IServiceCollection AddHealthService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(HealthRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(HealthRegistration).Assembly);
        services.AddValidatedOptions<HealthOptions>(HealthOptions.Section);
        services.AddValidatedOptions<HealthNotificationOptions>(HealthNotificationOptions.Section);
        services.AddHttpClient();
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ProbeCatalog>();
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<HealthHistoryStore>();
        services.AddSingleton<HealthHistory>();
        services.AddSingleton<NotificationSettingsStore>();
        services.AddSingleton<StatusNotifier>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<HealthMail>();
        services.AddSingleton<HealthMonitor>();
        services.AddSingleton<HealthReport>();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}
