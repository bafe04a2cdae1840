using System.Reflection;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.LocalHost.Hosting;

/// <summary>
/// The local stand-in for Dapr cron input bindings: posts to each <c>[CronBinding]</c> function's
/// route on its schedule, over loopback, with the app API token, as Dapr would. <c>Iomete:Cron:&lt;binding name&gt;</c>
/// overrides a schedule (as a cluster's binding component would), e.g. for a test that cannot wait for the default.
/// </summary>
internal sealed partial class LocalScheduler(
    FunctionCatalog catalog,
    IServer server,
    IHttpClientFactory httpClients,
    IOptions<InternalCallOptions> internalCalls,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<LocalScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var jobs = catalog.Functions
            .Select(f => (Function: f, Cron: f.Method.GetCustomAttribute<CronBindingAttribute>()))
            .Where(j => j.Cron is not null)
            .Select(j => RunAsync(j.Function, CronBindingAttribute.ParseEvery(configuration[$"Iomete:Cron:{j.Cron!.Name}"] ?? j.Cron.Schedule), stoppingToken))
            .ToList();
        await Task.WhenAll(jobs);
    }

    private async Task RunAsync(FunctionDescriptor function, TimeSpan every, CancellationToken ct)
    {
        if (!await WaitForStartAsync(ct))
        {
            return;
        }
        var baseAddress = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (baseAddress is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            try
            {
                using var client = httpClients.CreateClient(nameof(LocalScheduler));
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseAddress.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)), function.Route));
                request.Headers.Add(InternalCallOptions.Header, internalCalls.Value.AppApiToken);
                using var response = await client.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    LogCronFailed(logger, function.Name, (int)response.StatusCode);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogCronError(logger, ex, function.Name);
            }
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Cron function {Function} answered {Status}")]
    private static partial void LogCronFailed(ILogger logger, string function, int status);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Cron function {Function} failed")]
    private static partial void LogCronError(ILogger logger, Exception exception, string function);
}
