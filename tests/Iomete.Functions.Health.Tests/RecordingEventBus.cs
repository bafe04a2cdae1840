using System.Collections.Concurrent;
using Iomete.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Health.Tests;

/// <summary>Wraps the host's event bus: records every health event, then publishes as before.</summary>
public sealed class RecordingEventBus(IEventBus inner) : IEventBus
{
    public ConcurrentQueue<HealthStatusChanged> Health { get; } = new();

    public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
    {
        if (topic == PlatformTopics.Health && payload is HealthStatusChanged change)
        {
            Health.Enqueue(change);
        }
        return inner.PublishAsync(topic, payload, ct);
    }

    /// <summary>Replaces the registered <see cref="IEventBus"/> with a recorder around it.</summary>
    public static void Install(WebApplicationBuilder builder)
    {
        var existing = builder.Services.Last(d => d.ServiceType == typeof(IEventBus));
        builder.Services.Replace(ServiceDescriptor.Singleton<IEventBus>(sp => new RecordingEventBus(Resolve(existing, sp))));
    }

    public static RecordingEventBus Of(LocalPlatform platform) => (RecordingEventBus)platform.Services.GetRequiredService<IEventBus>();

    private static IEventBus Resolve(ServiceDescriptor descriptor, IServiceProvider sp) =>
        descriptor.ImplementationInstance as IEventBus
        ?? (descriptor.ImplementationFactory is { } factory ? (IEventBus)factory(sp)
            : (IEventBus)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
