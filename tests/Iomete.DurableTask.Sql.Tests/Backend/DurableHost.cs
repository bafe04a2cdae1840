using Iomete.DurableTask.Sql.Backend;
using Iomete.DurableTask.Sql.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iomete.DurableTask.Sql.Tests.Backend;

/// <summary>A host with the SQL backend behind the sidecar, a Durable Task worker and a client: what the platform runs.</summary>
public sealed class DurableHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private DurableHost(IHost host)
    {
        _host = host;
    }

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public SqlOrchestrationService Service => _host.Services.GetRequiredService<SqlOrchestrationService>();

    public static async Task<DurableHost> StartAsync(SqlOrchestrationServiceSettings settings, Action<DurableTaskRegistry> tasks)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSqlDurableTask(settings);
        builder.Services.AddDurableTaskOverSidecar(tasks);
        var host = builder.Build();
        await host.StartAsync();
        return new DurableHost(host);
    }

    public async Task<OrchestrationMetadata> RunAsync(string name, object? input = null, string? instanceId = null, int timeoutSeconds = 30)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        return await WaitAsync(id, timeoutSeconds);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Stops the host the way a shutdown does; in-flight work items are abandoned or left to expire.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutdown took too long; disposal below still releases everything.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
