namespace Iomete.Console.Pages.Jobs;

/// <summary>Services of the console's Jobs pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class JobsConsoleServices
{
    public static IServiceCollection AddJobsConsole(this IServiceCollection services) => services;
}
