using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Core;

public static class CoreRegistration
{
    public const string Service = "core";

    /// <summary>The Core service: probes, OpenAPI, system config, node types, volumes, settings, storage browser.</summary>
    public static IServiceCollection AddCoreService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(CoreRegistration).Assembly);
        return services;
    }
}
