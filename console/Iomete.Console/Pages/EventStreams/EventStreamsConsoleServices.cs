namespace Iomete.Console.Pages.EventStreams;

/// <summary>Services of the console's EventStreams pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class EventStreamsConsoleServices
{
    public static IServiceCollection AddEventStreamsConsole(this IServiceCollection services) => services;
}
