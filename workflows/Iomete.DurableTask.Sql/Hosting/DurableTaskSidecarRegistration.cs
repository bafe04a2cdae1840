using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.DurableTask.Sql.Hosting;

public static class DurableTaskSidecarRegistration
{
    /// <summary>
    /// The in-process sidecar over the registered <see cref="IOrchestrationService"/> (and its client), and a
    /// Durable Task worker and client connected to it. Register the backend before calling this.
    /// </summary>
    public static IServiceCollection AddDurableTaskOverSidecar(
        this IServiceCollection services,
        Action<Microsoft.DurableTask.DurableTaskRegistry> tasks,
        Action<DurableTaskWorkerOptions>? worker = null)
    {
        services.AddDurableTaskClientOverSidecar();
        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(tasks);
            builder.UseGrpc();
            if (worker is not null)
            {
                builder.Configure(worker);
            }
        });
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
        return services;
    }

    /// <summary>
    /// The in-process sidecar and a Durable Task client only: this process schedules, queries and signals orchestrations
    /// (set <see cref="DurableTaskSidecarOptions.ApiServerOnly"/>); other processes' workers run them.
    /// </summary>
    public static IServiceCollection AddDurableTaskClientOverSidecar(this IServiceCollection services)
    {
        services.AddOptions<DurableTaskSidecarOptions>();
        services.AddSingleton<DurableTaskSidecar>();
        // Registered before any worker so it listens first; a worker retries until it can connect anyway.
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskSidecar>());
        services.AddDurableTaskClient(builder => builder.UseGrpc());
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<DurableTaskSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
        return services;
    }
}
