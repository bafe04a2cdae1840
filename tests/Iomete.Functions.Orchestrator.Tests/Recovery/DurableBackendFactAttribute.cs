using System.Reflection;
using DurableTask.Core;

namespace Iomete.Functions.Orchestrator.Tests.Recovery;

/// <summary>
/// A fact that needs a durable workflow backend (state that survives the process). It is skipped, with the reason, while
/// Iomete.DurableTask.Sql holds no <see cref="IOrchestrationService"/> (the platform then runs on the in-memory backend,
/// which loses every orchestration on a restart); it runs by itself once the SQL backend is in that assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DurableBackendFactAttribute : FactAttribute
{
    public DurableBackendFactAttribute()
    {
        if (MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }

    public static string? MissingReason()
    {
        var assembly = Assembly.Load("Iomete.DurableTask.Sql");
        var backends = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOrchestrationService).IsAssignableFrom(t));
        return backends.Any()
            ? null
            : "No durable workflow backend yet (Iomete.DurableTask.Sql has no IOrchestrationService): the in-memory backend does not survive a kill -9.";
    }
}
