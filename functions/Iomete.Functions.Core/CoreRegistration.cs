using Iomete.Functions.Core.Secrets;
using Iomete.Functions.Core.SystemConfig;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Core;

public static class CoreRegistration
{
    public const string Service = "core";

    /// <summary>The Core service: probes, OpenAPI, system config, node types, volumes, settings, storage browser.</summary>
    public static IServiceCollection AddCoreService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(CoreRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(CoreRegistration).Assembly);
        services.AddValidatedOptions<CoreOptions>(CoreOptions.Section);
        services.TryAddSingleton<SecretCipher>();
        services.TryAddSingleton<SystemConfigStore>();
        services.TryAddSingleton<NodeTypes.NodeTypeStore>();
        services.TryAddSingleton<Volumes.VolumeStore>();
        services.TryAddSingleton<SparkSettings.SparkSettingsStore>();
        services.TryAddSingleton<SparkSettings.ISparkSettings>(sp => sp.GetRequiredService<SparkSettings.SparkSettingsStore>());
        services.TryAddSingleton<ISystemConfig>(sp => sp.GetRequiredService<SystemConfigStore>());
        return services;
    }
}
