using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.IcebergRest.Events;

/// <summary>
/// Announces each committed namespace, table or view change on <see cref="PlatformTopics.Tables"/>. Called after the
/// commit; a failed publish is logged and never fails the request (the catalog index's periodic sync repairs a missed event).
/// </summary>
public sealed partial class TableChangePublisher(IEventBus bus, TimeProvider clock, ILogger<TableChangePublisher> logger)
{
    public Task NamespaceAsync(string kind, string catalog, NamespaceName ns, Caller caller) =>
        PublishAsync(new TableChanged(kind, catalog, ns.Levels, null, null, null, null, caller.UserId, clock.GetUtcNow()));

    public Task ObjectAsync(string kind, string catalog, NamespaceName ns, string name, string? metadataLocation, Caller caller) =>
        PublishAsync(new TableChanged(kind, catalog, ns.Levels, name, null, null, metadataLocation, caller.UserId, clock.GetUtcNow()));

    public Task RenamedAsync(string kind, string catalog, NamespaceName fromNs, string from, NamespaceName toNs, string to, string? metadataLocation, Caller caller) =>
        PublishAsync(new TableChanged(kind, catalog, toNs.Levels, to, fromNs.Levels, from, metadataLocation, caller.UserId, clock.GetUtcNow()));

    private async Task PublishAsync(TableChanged change)
    {
        try
        {
            // The change is committed: announce it even when the caller has gone away meanwhile.
            await bus.PublishAsync(PlatformTopics.Tables, change, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, change.Kind, change.Catalog, string.Join('.', change.Namespace), change.Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Kind} of {Catalog}.{Namespace}.{Name}; the catalog index catches up at its next sync")]
    private static partial void LogPublishFailed(ILogger logger, string kind, string catalog, string @namespace, string? name, Exception exception);
}
