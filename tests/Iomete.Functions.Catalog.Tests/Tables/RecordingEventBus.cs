using System.Collections.Concurrent;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Catalog.Tests.Tables;

/// <summary>Wraps the host's event bus and keeps what was published on the data-catalog topic.</summary>
public sealed class RecordingEventBus(IEventBus inner) : IEventBus
{
    public ConcurrentQueue<CatalogEntryChanged> CatalogEntries { get; } = new();

    public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
    {
        if (topic == PlatformTopics.CatalogEntries && payload is CatalogEntryChanged change)
        {
            CatalogEntries.Enqueue(change);
        }
        return inner.PublishAsync(topic, payload, ct);
    }

    /// <summary>Replaces the registered bus by a recording wrapper around it.</summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IEventBus));
        services.Remove(original);
        services.AddSingleton(sp => new RecordingEventBus(original.ImplementationInstance as IEventBus
            ?? original.ImplementationFactory?.Invoke(sp) as IEventBus
            ?? (IEventBus)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<RecordingEventBus>());
    }
}
