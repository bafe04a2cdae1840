using DurableTask.Core;
using DurableTask.Core.History;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>Conversions between DurableTask.Core objects and rows.</summary>
internal static class Mapping
{
    public static readonly int[] TerminalStatuses =
    [
        (int)OrchestrationStatus.Completed,
        (int)OrchestrationStatus.Failed,
        (int)OrchestrationStatus.Terminated,
#pragma warning disable CS0618 // Canceled is obsolete but still a terminal status of old data.
        (int)OrchestrationStatus.Canceled,
#pragma warning restore CS0618
    ];

    public static readonly OrchestrationStatus[] ActiveStatuses =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended];

    public static bool IsTerminal(int status) => Array.IndexOf(TerminalStatuses, status) >= 0;

    public static long ToMs(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static DateTime FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    /// <summary>When a message may be delivered: timers at their fire time, delayed starts at their start time.</summary>
    public static long VisibleAt(TaskMessage message, long now) => message.Event switch
    {
        TimerFiredEvent timer => Math.Max(now, ToMs(timer.FireAt)),
        ExecutionStartedEvent { ScheduledStartTime: { } start } => Math.Max(now, ToMs(start)),
        _ => now,
    };

    public static object MessageParameters(TaskMessage message, long now) => new
    {
        message.OrchestrationInstance.InstanceId,
        ExecutionId = string.IsNullOrEmpty(message.OrchestrationInstance.ExecutionId) ? null : message.OrchestrationInstance.ExecutionId,
        EventType = (int)message.Event.EventType,
        VisibleAt = VisibleAt(message, now),
        CreatedAt = now,
        Payload = DtJson.Serialize(message),
    };

    public static object TaskParameters(TaskMessage message, long now) => new
    {
        message.OrchestrationInstance.InstanceId,
        ExecutionId = string.IsNullOrEmpty(message.OrchestrationInstance.ExecutionId) ? null : message.OrchestrationInstance.ExecutionId,
        Name = (message.Event as TaskScheduledEvent)?.Name ?? "",
        VisibleAt = now,
        CreatedAt = now,
        Payload = DtJson.Serialize(message),
    };

    public static InstanceRow NewInstance(ExecutionStartedEvent started, long now) => new()
    {
        InstanceId = started.OrchestrationInstance.InstanceId,
        ExecutionId = started.OrchestrationInstance.ExecutionId ?? Guid.NewGuid().ToString("N"),
        Name = started.Name ?? "",
        Version = started.Version,
        Status = (int)OrchestrationStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
        Input = started.Input,
        ParentInstanceId = started.ParentInstance?.OrchestrationInstance?.InstanceId,
        Tags = started.Tags is { Count: > 0 } tags ? DtJson.Serialize(tags) : null,
        ScheduledStartAt = started.ScheduledStartTime is { } start ? ToMs(start) : null,
    };

    public static OrchestrationState ToState(InstanceRow row, bool withInputsAndOutputs = true) => new()
    {
        OrchestrationInstance = new OrchestrationInstance { InstanceId = row.InstanceId, ExecutionId = row.ExecutionId },
        Name = row.Name,
        Version = row.Version,
        OrchestrationStatus = (OrchestrationStatus)row.Status,
        CreatedTime = FromMs(row.CreatedAt),
        LastUpdatedTime = FromMs(row.UpdatedAt),
        CompletedTime = row.CompletedAt is { } done ? FromMs(done) : DateTime.MinValue,
        Input = withInputsAndOutputs ? row.Input : null,
        Output = withInputsAndOutputs ? row.Output : null,
        Status = withInputsAndOutputs ? row.CustomStatus : null,
        FailureDetails = row.Failure is { } failure ? DtJson.Deserialize<FailureDetails>(failure) : null,
        ParentInstance = row.ParentInstanceId is { } parent
            ? new ParentInstance { OrchestrationInstance = new OrchestrationInstance { InstanceId = parent } }
            : null,
        // The sidecar copies tags into a protobuf map, which refuses null.
        Tags = row.Tags is { } tags ? DtJson.Deserialize<Dictionary<string, string>>(tags) : new Dictionary<string, string>(),
        ScheduledStartTime = row.ScheduledStartAt is { } start ? FromMs(start) : null,
    };
}
