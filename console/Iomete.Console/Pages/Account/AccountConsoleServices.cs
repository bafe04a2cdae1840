namespace Iomete.Console.Pages.Account;

/// <summary>Services of the console's Account pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class AccountConsoleServices
{
    public static IServiceCollection AddAccountConsole(this IServiceCollection services) => services;
}
