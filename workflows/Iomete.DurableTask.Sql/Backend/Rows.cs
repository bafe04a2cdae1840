namespace Iomete.DurableTask.Sql.Backend;

internal sealed class LockedInstanceRow
{
    public string InstanceId { get; set; } = "";

    public string ExecutionId { get; set; } = "";

    public int Status { get; set; }
}

internal sealed class MessageRow
{
    public long Seq { get; set; }

    public string? ExecutionId { get; set; }

    public string Payload { get; set; } = "";
}

internal sealed class LockedTaskRow
{
    public long Seq { get; set; }

    public string Payload { get; set; } = "";
}

internal sealed class BacklogRow
{
    public long Orchestrations { get; set; }

    public long Activities { get; set; }
}

/// <summary>A row of the instances table (also the parameters that write one).</summary>
internal sealed class InstanceRow
{
    public string InstanceId { get; set; } = "";

    public string ExecutionId { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Version { get; set; }

    public int Status { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? CompletedAt { get; set; }

    public string? Input { get; set; }

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public string? Failure { get; set; }

    public string? ParentInstanceId { get; set; }

    public string? Tags { get; set; }

    public long? ScheduledStartAt { get; set; }

    /// <summary>Only as a parameter: the lease the writer must still hold.</summary>
    public string? Token { get; set; }
}
