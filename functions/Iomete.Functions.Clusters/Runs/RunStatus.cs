namespace Iomete.Functions.Clusters.Runs;

/// <summary>
/// A run's status (IOMETE's driverStatus): ENQUEUED when recorded, then the spark-operator's states, ending COMPLETED,
/// FAILED or ABORTED. Terminal states never change again.
/// </summary>
public static class RunStatus
{
    public const string Enqueued = "ENQUEUED";
    public const string Submitted = "SUBMITTED";
    public const string SubmissionFailed = "SUBMISSION_FAILED";
    public const string Running = "RUNNING";
    public const string PendingRerun = "PENDING_RERUN";
    public const string Succeeding = "SUCCEEDING";
    public const string Completed = "COMPLETED";
    public const string Failing = "FAILING";
    public const string Failed = "FAILED";
    public const string Invalidating = "INVALIDATING";
    public const string Aborted = "ABORTED";
    public const string Unknown = "UNKNOWN";

    public const string ReasonUser = "USER";
    public const string ReasonExecutionTimeout = "EXECUTION_TIMEOUT";

    public static readonly string[] All =
        [Enqueued, Submitted, SubmissionFailed, Running, PendingRerun, Succeeding, Completed, Failing, Failed, Invalidating, Aborted, Unknown];

    public static readonly string[] Terminal = [Completed, Failed, Aborted];

    public static bool IsTerminal(string status) => Terminal.Contains(status);

    /// <summary>The run status for an operator state; the new object's empty state is SUBMITTED (it was created).</summary>
    public static string FromOperator(string? state) => (state ?? "") switch
    {
        "" or "SUBMITTED" => Submitted,
        "RUNNING" => Running,
        "COMPLETED" => Completed,
        "FAILED" => Failed,
        "SUBMISSION_FAILED" => SubmissionFailed,
        "PENDING_RERUN" => PendingRerun,
        "SUCCEEDING" => Succeeding,
        "FAILING" => Failing,
        "INVALIDATING" => Invalidating,
        _ => Unknown,
    };

    /// <summary>
    /// Whether a run may move from <paramref name="from"/> to <paramref name="to"/>: never out of a terminal state, never
    /// back to ENQUEUED; an operator that re-submits (PENDING_RERUN → SUBMITTED) is followed.
    /// </summary>
    public static bool CanMove(string from, string to) =>
        !IsTerminal(from) && to != Enqueued && from != to;
}
