using Iomete.Functions.Clusters.ImageAliases;
using Iomete.Functions.Clusters.Namespaces;
using Iomete.Functions.Clusters.Notifications;
using Iomete.Functions.Clusters.Registries;
using Iomete.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Clusters.Secrets;

public static class SecretsRegistration
{
    /// <summary>Namespaces and their bundles, secrets, docker registries and tag aliases, and job notifications.</summary>
    public static IServiceCollection AddClusterSettings(this IServiceCollection services)
    {
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.Section);
        services.AddOptions<ImageAliasOptions>().BindConfiguration(ImageAliasOptions.Section);

        services.TryAddSingleton<NamespaceStore>();
        services.TryAddSingleton<NamespaceAccess>();
        services.TryAddSingleton<BundleDirectory>();

        services.TryAddSingleton<ClusterSecretCipher>();
        services.TryAddSingleton<KubernetesSecretWriter>();
        services.TryAddSingleton<SecretStore>();
        services.TryAddSingleton<SecretMirror>();
        services.TryAddSingleton<SecretCommands>();
        services.TryAddSingleton<SecretReferences>();

        services.TryAddSingleton<RegistryStore>();
        services.TryAddSingleton<PullSecrets>();
        services.TryAddSingleton<TagAliasStore>();
        services.TryAddSingleton<ImageReferences>();
        services.TryAddSingleton<Common.WorkloadChecks>();

        services.TryAddSingleton<NotificationStore>();
        services.TryAddSingleton<NoticeStore>();
        services.TryAddSingleton<JobNotificationAccess>();
        services.TryAddSingleton<PlatformMail>();
        return services;
    }
}
