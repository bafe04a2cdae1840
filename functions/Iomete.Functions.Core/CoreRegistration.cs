using Iomete.Functions.Core.Integrations.Email;
using Iomete.Functions.Core.Integrations.Webhooks;
using Iomete.Functions.Core.NodeTypes;
using Iomete.Functions.Core.Secrets;
using Iomete.Functions.Core.SparkSettings;
using Iomete.Functions.Core.SystemConfig;
using Iomete.Functions.Core.Volumes;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Core;

public static class CoreRegistration
{
    public const string Service = "core";

    /// <summary>The Core service: probes, OpenAPI, system config, node types, volumes, settings, integrations, storage browser.</summary>
    public static IServiceCollection AddCoreService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(CoreRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(CoreRegistration).Assembly);
        services.AddValidatedOptions<CoreOptions>(CoreOptions.Section);
        services.TryAddSingleton<SecretCipher>();

        services.TryAddSingleton<SystemConfigStore>();
        services.TryAddSingleton<ISystemConfig>(sp => sp.GetRequiredService<SystemConfigStore>());
        services.TryAddSingleton<NodeTypeStore>();
        services.TryAddSingleton<VolumeStore>();
        services.TryAddSingleton<SparkSettingsStore>();
        services.TryAddSingleton<ISparkSettings>(sp => sp.GetRequiredService<SparkSettingsStore>());

        services.TryAddSingleton<EmailSettingsStore>();
        services.TryAddSingleton<SmtpMailer>();
        services.TryAddSingleton<WebhookStore>();
        services.TryAddSingleton<WebhookSender>();
        // Redirects are not followed: a webhook delivers where the admin said, not where a receiver points.
        // The sender enforces its own timeout (CoreOptions.WebhookTimeout), so the client's is off.
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
