using Iomete.Console.Api;
using Iomete.Console.Pages.Account;
using Iomete.Console.Pages.Admin;
using Iomete.Console.Pages.Catalog;
using Iomete.Console.Pages.Compute;
using Iomete.Console.Pages.DataSecurity;
using Iomete.Console.Pages.EventStreams;
using Iomete.Console.Pages.Jobs;
using Iomete.Console.Pages.Sql;
using Iomete.Console.Push;
using Iomete.Console.Shared;
using MudBlazor.Services;

namespace Iomete.Console;

/// <summary>The console's services, in one place so that component tests compose the same graph.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddConsoleServices(this IServiceCollection services, Uri baseAddress)
    {
        services.AddMudServices();
        services.AddScoped(_ => new HttpClient { BaseAddress = baseAddress });
        services.AddScoped<ISessionStorage, BrowserSessionStorage>();
        services.AddScoped<ConsoleSession>();
        services.AddScoped<ApiClient>();
        services.AddScoped<SignInService>();
        services.AddScoped<PushClient>();
        services.AddScoped<ThemeState>();
        // Each area of pages registers its own services in its folder.
        services.AddSqlConsole();
        services.AddCatalogConsole();
        services.AddEventStreamsConsole();
        services.AddComputeConsole();
        services.AddJobsConsole();
        services.AddAdminConsole();
        services.AddDataSecurityConsole();
        services.AddAccountConsole();
        return services;
    }
}
