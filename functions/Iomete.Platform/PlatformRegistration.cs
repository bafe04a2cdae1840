using Iomete.Platform.Audit;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Iomete.Platform.Storage;
using Iomete.Platform.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Platform;

public static class PlatformRegistration
{
    /// <summary>The shared kernel: options, clock, ids, errors, metadata DB, audit log.</summary>
    public static IServiceCollection AddIometePlatform(this IServiceCollection services)
    {
        services.AddValidatedOptions<IometeOptions>(IometeOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, UuidV7Generator>();
        services.TryAddSingleton<ProblemMapper>();
        services.AddMetadataDb();
        services.AddObjectStore();
        services.AddServiceDatabase(AuditDatabase.Service, typeof(AuditDatabase).Assembly);
        services.TryAddSingleton<IAuditLog, SqlAuditLog>();
        services.TryAddSingleton<AuditRecorder>();
        services.TryAddSingleton<FunctionCatalog>();
        services.TryAddSingleton<Functions.OpenApi.OpenApiDocumentBuilder>();
        services.TryAddSingleton<Functions.OpenApi.OpenApiDocumentProvider>();
        services.AddOptions<Security.InternalCallOptions>().BindConfiguration(Security.InternalCallOptions.Section);
        return services;
    }
}
