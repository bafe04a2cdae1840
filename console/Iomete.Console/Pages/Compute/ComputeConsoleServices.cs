namespace Iomete.Console.Pages.Compute;

/// <summary>Services of the console's Compute pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class ComputeConsoleServices
{
    public static IServiceCollection AddComputeConsole(this IServiceCollection services) => services;
}
