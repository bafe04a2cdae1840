using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Sql.Worksheets;

internal static class WorksheetRegistration
{
    public static IServiceCollection AddWorksheets(this IServiceCollection services)
    {
        services.TryAddSingleton<WorkspaceStore>();
        services.TryAddSingleton<FolderStore>();
        services.TryAddSingleton<WorksheetStore>();
        services.TryAddSingleton<WorksheetContent>();
        services.TryAddSingleton<WorkspaceAccess>();
        services.TryAddSingleton<WorksheetLoader>();
        services.TryAddSingleton<WorksheetCreator>();
        return services;
    }
}
