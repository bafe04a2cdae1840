namespace Iomete.Console.Pages.Admin;

/// <summary>Services of the console's Admin pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class AdminConsoleServices
{
    public static IServiceCollection AddAdminConsole(this IServiceCollection services) => services;
}
