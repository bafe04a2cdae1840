using System.Globalization;
using System.Text;
using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>Which notification event a run's state change is, and the email that tells it.</summary>
public static class NotificationMessages
{
    /// <summary>
    /// COMPLETED → success, FAILED → failure, ABORTED by the user → abort; a run ended by the startup or execution
    /// timeout (as its status or as the reason of an ABORTED/FAILED run) → that timeout; any other change → none.
    /// </summary>
    public static NotificationEvent? EventOf(SparkRunStateChanged change)
    {
        var status = change.Status.ToUpperInvariant();
        var reason = change.Reason?.ToUpperInvariant();
        if (status == "STARTUP_TIMEOUT" || (status is "ABORTED" or "FAILED" && reason == "STARTUP_TIMEOUT"))
        {
            return NotificationEvent.OnStartupTimeout;
        }
        if (status == "EXECUTION_TIMEOUT" || (status is "ABORTED" or "FAILED" && reason == "EXECUTION_TIMEOUT"))
        {
            return NotificationEvent.OnExecutionTimeout;
        }
        return status switch
        {
            "COMPLETED" => NotificationEvent.OnSuccess,
            "FAILED" => NotificationEvent.OnFailure,
            "ABORTED" when reason is null or "USER" => NotificationEvent.OnAbort,
            _ => null,
        };
    }

    public static string Subject(SparkRunStateChanged change, NotificationEvent @event) => @event switch
    {
        NotificationEvent.OnSuccess => $"[IOMETE] Spark job '{change.JobName}' succeeded",
        NotificationEvent.OnFailure => $"[IOMETE] Spark job '{change.JobName}' failed",
        NotificationEvent.OnAbort => $"[IOMETE] Spark job '{change.JobName}' was aborted",
        NotificationEvent.OnStartupTimeout => $"[IOMETE] Spark job '{change.JobName}' did not start in time",
        _ => $"[IOMETE] Spark job '{change.JobName}' exceeded its execution timeout",
    };

    public static string Text(SparkRunStateChanged change, NotificationEvent @event)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{Subject(change, @event)["[IOMETE] ".Length..]}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Domain: {change.Domain}")
            .AppendLine(CultureInfo.InvariantCulture, $"Job: {change.JobName} ({change.JobId})")
            .AppendLine(CultureInfo.InvariantCulture, $"Run: {change.RunId}")
            .AppendLine(CultureInfo.InvariantCulture, $"Status: {change.Status}{(change.Reason is null ? "" : $" ({change.Reason})")}")
            .AppendLine(CultureInfo.InvariantCulture, $"At: {change.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        if (!string.IsNullOrWhiteSpace(change.ErrorMessage))
        {
            text.AppendLine().AppendLine("Error:").AppendLine(change.ErrorMessage);
        }
        text.AppendLine().AppendLine("You get this email because you subscribed to this job's notifications.");
        return text.ToString();
    }
}
