using Iomete.Platform.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Identity.Scim;

public static class ScimRegistration
{
    /// <summary>SCIM 2.0 provisioning under <see cref="ScimPaths.Base"/>, with SCIM's error bodies there.</summary>
    public static IServiceCollection AddScim(this IServiceCollection services)
    {
        services.TryAddSingleton<ScimStore>();
        services.TryAddSingleton<ScimUsers>();
        services.TryAddSingleton<ScimGroups>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IErrorBodyWriter, ScimErrorBodyWriter>());
        return services;
    }
}
