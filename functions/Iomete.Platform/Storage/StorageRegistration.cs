using Amazon.S3;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Storage;

public static class StorageRegistration
{
    /// <summary>Key of the <see cref="IAmazonS3"/> singleton the S3 store uses.</summary>
    public const string S3ClientKey = "iomete-storage";

    /// <summary>Registers <see cref="IObjectStore"/> with the adapter chosen by <c>Iomete:Storage:Type</c>, and its readiness check.</summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services)
    {
        // S3 settings are validated only when S3 is chosen: a local install has none.
        services.AddOptions<S3StorageOptions>().BindConfiguration(S3StorageOptions.Section).ValidateDataAnnotations();
        services.AddValidatedOptions<ObjectStoreOptions>(ObjectStoreOptions.Section)
            .Validate<IOptions<S3StorageOptions>>((o, s3) => o.Type != ObjectStoreType.S3 || s3.Value.Bucket.Length > 0,
                $"{S3StorageOptions.Section}:Bucket is required when {ObjectStoreOptions.Section}:Type is S3.");
        services.TryAddKeyedSingleton<IAmazonS3>(S3ClientKey,
            (sp, _) => S3ObjectStore.CreateClient(sp.GetRequiredService<IOptions<S3StorageOptions>>().Value));
        services.TryAddSingleton<IObjectStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ObjectStoreOptions>>().Value;
            if (options.Type == ObjectStoreType.S3)
            {
                return new S3ObjectStore(
                    sp.GetRequiredKeyedService<IAmazonS3>(S3ClientKey),
                    sp.GetRequiredService<IOptions<S3StorageOptions>>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<S3ObjectStore>>());
            }
            var root = options.LocalRoot ?? Path.Combine(sp.GetRequiredService<IOptions<IometeOptions>>().Value.DataDir, "warehouse");
            return new LocalFolderObjectStore(root);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, StorageReadinessCheck>());
        return services;
    }
}
