using System.Collections.Concurrent;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Maintenance.Tests.Support;

/// <summary>Wraps the host's event bus and keeps every maintenance event published through it.</summary>
public sealed class RecordingEventBus(IEventBus inner) : IEventBus
{
    public ConcurrentQueue<MaintenanceRunStateChanged> Maintenance { get; } = new();

    public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
    {
        if (topic == PlatformTopics.Maintenance && payload is MaintenanceRunStateChanged change)
        {
            Maintenance.Enqueue(change);
        }
        return inner.PublishAsync(topic, payload, ct);
    }

    /// <summary>Replaces the registered bus with a recording wrapper around it.</summary>
    public static void Install(WebApplicationBuilder builder)
    {
        var original = builder.Services.Last(d => d.ServiceType == typeof(IEventBus));
        builder.Services.Remove(original);
        builder.Services.AddSingleton(sp => new RecordingEventBus(original.ImplementationFactory is { } factory
            ? (IEventBus)factory(sp)
            : original.ImplementationInstance as IEventBus ?? (IEventBus)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
        builder.Services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<RecordingEventBus>());
    }
}
