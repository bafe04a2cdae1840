using Iomete.Functions.Identity.DataSecurity.Audit;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Iomete.Functions.Identity.DataSecurity.Roles;
using Iomete.Functions.Identity.DataSecurity.Storage;
using Iomete.Functions.Identity.DataSecurity.Tags;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Identity.DataSecurity;

public static class DataSecurityRegistration
{
    /// <summary>
    /// The data-security policy store and its API: policies, Ranger roles, resource tags (<see cref="Tags.IResourceTagSource"/>),
    /// import/export and the data-access audit (<see cref="Audit.DataAccessAuditLog"/>, with its background writer).
    /// </summary>
    public static IServiceCollection AddDataSecurityStore(this IServiceCollection services)
    {
        services.TryAddSingleton<PolicySetVersion>();
        services.TryAddSingleton<DataPolicyStore>();
        services.TryAddSingleton<DataRoleStore>();
        services.TryAddSingleton<PolicyAuthorizer>();
        services.TryAddSingleton<PolicyOperations>();
        services.TryAddSingleton<ResourceTagStore>();
        services.TryAddSingleton<IResourceTagSource>(sp => sp.GetRequiredService<ResourceTagStore>());
        services.AddValidatedOptions<DataSecurityOptions>(DataSecurityOptions.Section);
        services.TryAddSingleton<DataAccessAuditStore>();
        services.TryAddSingleton<DataAccessAuditLog>();
        services.AddHostedService(sp => sp.GetRequiredService<DataAccessAuditLog>());
        return services;
    }
}
