using DurableTask.Core;
using Iomete.DurableTask.Sql.Backend;
using Iomete.DurableTask.Sql.Hosting;
using Iomete.Platform.Data;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Workflows.Hosting;

/// <summary>The Durable Task backend chosen by <see cref="WorkflowsOptions"/>, the in-process sidecar over it, and the worker and client.</summary>
internal static class DurableWorkflowHosting
{
    /// <param name="runWorker">Run orchestrations and activities here; false: schedule and query only (the functions image,
    /// whose workflows run in the workflow worker's replicas).</param>
    public static IServiceCollection AddDurableWorkflows(this IServiceCollection services, bool runWorker)
    {
        services.AddServiceDatabase(WorkflowBackend.DurableDatabase, migrations: null);
        services.AddSingleton<WorkflowBackend>();
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<WorkflowBackend>().Service);
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<WorkflowBackend>().Client);
        services.AddOptions<DurableTaskSidecarOptions>()
            .Configure<IOptions<WorkflowsOptions>>((sidecar, workflows) =>
            {
                sidecar.Port = workflows.Value.SidecarPort;
                sidecar.ApiServerOnly = !runWorker;
            });
        if (runWorker)
        {
            services.AddDurableTaskOverSidecar(WorkflowTasks.Register);
        }
        else
        {
            services.AddDurableTaskClientOverSidecar();
        }
        return services;
    }
}

/// <summary>
/// The backend instance of this process, built from the options on first use: our SQL backend on the metadata database's
/// engine (its own database, <see cref="DurableDatabase"/>), or the in-memory one for tests.
/// </summary>
internal sealed class WorkflowBackend(IOptions<WorkflowsOptions> options, IMetadataDb metadata, ILoggerFactory loggers, TimeProvider clock)
    : IAsyncDisposable
{
    /// <summary>The database (SQLite file or PostgreSQL database) that holds the durable state, apart from the run records.</summary>
    public const string DurableDatabase = "durabletask";

    private readonly Lazy<object> backend = new(() => Create(options.Value, metadata, loggers, clock));

    public IOrchestrationService Service => (IOrchestrationService)backend.Value;

    public IOrchestrationServiceClient Client => (IOrchestrationServiceClient)backend.Value;

    public async ValueTask DisposeAsync()
    {
        if (backend.IsValueCreated && backend.Value is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    private static object Create(WorkflowsOptions options, IMetadataDb metadata, ILoggerFactory loggers, TimeProvider clock)
    {
        var provider = options.Backend switch
        {
            "memory" => (SqlProvider?)null,
            "sqlite" => SqlProvider.Sqlite,
            "postgres" => SqlProvider.Postgres,
            _ => metadata.Engine == MetadataEngine.Postgres ? SqlProvider.Postgres : SqlProvider.Sqlite,
        };
        if (provider is null)
        {
            return new InMemoryOrchestrationService(loggers);
        }
        if ((provider == SqlProvider.Postgres) != (metadata.Engine == MetadataEngine.Postgres))
        {
            throw new InvalidOperationException(
                $"{WorkflowsOptions.Section}:Backend '{options.Backend}' needs the metadata database engine to match (it is {metadata.Engine}).");
        }
        // Built once, when the sidecar starts (a hosted service, off any synchronization context): creating the database
        // is the only asynchronous step, and DI factories are synchronous.
        var connectionString = metadata.ConnectionStringAsync(DurableDatabase, CancellationToken.None).GetAwaiter().GetResult();
        return new SqlOrchestrationService(new SqlOrchestrationServiceSettings
        {
            Provider = provider.Value,
            ConnectionString = connectionString,
            LeaseDuration = options.LeaseDuration,
            MaxConcurrentOrchestrations = options.MaxConcurrentOrchestrations,
            MaxConcurrentActivities = options.MaxConcurrentActivities,
        }, loggers, clock);
    }
}
