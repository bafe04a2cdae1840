using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Platform.Functions;

public static class FunctionRegistration
{
    /// <summary>Adds the [Function] methods of an assembly to the catalog.</summary>
    public static IServiceCollection AddFunctionsFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new FunctionAssembly(assembly));
        services.TryAddSingleton<FunctionCatalog>();
        return services;
    }
}
