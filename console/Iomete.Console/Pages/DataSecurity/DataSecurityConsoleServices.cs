namespace Iomete.Console.Pages.DataSecurity;

/// <summary>Services of the console's DataSecurity pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class DataSecurityConsoleServices
{
    public static IServiceCollection AddDataSecurityConsole(this IServiceCollection services) => services;
}
