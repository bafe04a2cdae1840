using System.Reflection;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Data;

public static class DataRegistration
{
    /// <summary>Registers the metadata database port with the engine chosen in options.</summary>
    public static IServiceCollection AddMetadataDb(this IServiceCollection services)
    {
        services.AddValidatedOptions<MetadataDbOptions>(MetadataDbOptions.Section);
        services.TryAddSingleton<IMetadataDb>(sp =>
            sp.GetRequiredService<IOptions<MetadataDbOptions>>().Value.Engine == MetadataEngine.Postgres
                ? ActivatorUtilities.CreateInstance<PostgresMetadataDb>(sp)
                : ActivatorUtilities.CreateInstance<SqliteMetadataDb>(sp));
        return services;
    }

    /// <summary>Declares a service's database, defined by the migrations tagged with its name (none: its owner keeps the schema).</summary>
    public static IServiceCollection AddServiceDatabase(this IServiceCollection services, string service, Assembly? migrations)
    {
        services.AddSingleton(new ServiceDatabase(service, migrations));
        return services;
    }
}
