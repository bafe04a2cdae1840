namespace Iomete.Console.Pages.Catalog;

/// <summary>Services of the console's Catalog pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class CatalogConsoleServices
{
    public static IServiceCollection AddCatalogConsole(this IServiceCollection services) => services;
}
