using Microsoft.Extensions.Logging;

namespace Iomete.DurableTask.Sql.Backend;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Durable task hub '{Prefix}' ready on {Provider}.")]
    public static partial void SchemaReady(ILogger logger, string prefix, SqlProvider provider);

    [LoggerMessage(2, LogLevel.Warning, "Polling the task hub for {Kind} work failed; retrying in {DelayMs} ms.")]
    public static partial void PollFailed(ILogger logger, Exception exception, string kind, long delayMs);

    [LoggerMessage(3, LogLevel.Warning, "The lease on {Kind} work item {WorkItem} was lost; its result was not stored.")]
    public static partial void LeaseLost(ILogger logger, string kind, string workItem);

    [LoggerMessage(4, LogLevel.Warning, "Renewing {Count} leases failed.")]
    public static partial void RenewFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(5, LogLevel.Debug, "Dropped {Count} messages for instance {InstanceId} (finished, replaced or an older execution).")]
    public static partial void DroppedStaleMessages(ILogger logger, int count, string instanceId);

    [LoggerMessage(6, LogLevel.Warning, "Sub-orchestration {InstanceId} already exists and is active; its start message was not sent.")]
    public static partial void SubOrchestrationExists(ILogger logger, string instanceId);

    [LoggerMessage(7, LogLevel.Warning, "Abandoning {Kind} work item {WorkItem}.")]
    public static partial void Abandoning(ILogger logger, string kind, string workItem);
}
