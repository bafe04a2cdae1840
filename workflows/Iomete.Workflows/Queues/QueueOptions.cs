using System.ComponentModel.DataAnnotations;

namespace Iomete.Workflows.Queues;

/// <summary>The namespace queues of job runs (IOMETE's <c>job-orchestrator.queue.*</c>). Section <c>Iomete:Workflows:Queues</c>.</summary>
public sealed class QueueOptions
{
    public const string Section = "Iomete:Workflows:Queues";

    /// <summary>Share of admissions the HIGH queue gets while both queues wait (weighted round robin); the NORMAL queue gets the rest.</summary>
    [Range(1, 99)]
    public int HighSharePercent { get; set; } = 90;

    /// <summary>How long a run may wait at the head of its queue without capacity before it is sent to the back (retry) or failed.</summary>
    [Range(1, 7 * 24 * 3600)]
    public int HeadTimeoutSeconds { get; set; } = 3600;

    /// <summary>How often a head that timed out goes to the back of its queue before the run fails.</summary>
    [Range(0, 100)]
    public int HeadRetryCount { get; set; }

    /// <summary>How often a waiting run checks capacity again when no capacity-changed event woke it.</summary>
    [Range(1, 3600)]
    public int RecheckSeconds { get; set; } = 5;
}
