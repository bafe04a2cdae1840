using MudBlazor;

namespace Iomete.Console.Pages.Jobs;

/// <summary>Routes of the jobs API (clusters service, version 2) and the orchestrator (version 1), and run-state colours.</summary>
public static class JobPaths
{
    public static string Jobs(string domain, string rest = "") =>
        $"/api/v2/domains/{Uri.EscapeDataString(domain)}/spark/jobs{(rest.Length > 0 ? "/" + rest.TrimStart('/') : "")}";

    public static string Orchestrator(string domain, string rest) => $"/api/v1/domains/{Uri.EscapeDataString(domain)}/{rest.TrimStart('/')}";

    /// <summary>Job runs (driverStatus) and workflow runs (Prefect states) end in these.</summary>
    public static readonly IReadOnlySet<string> Terminal = new HashSet<string>(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "ABORTED", "CANCELLED", "TIMED_OUT", "CRASHED",
    };

    public static bool IsTerminal(string? state) => state is not null && Terminal.Contains(state);

    /// <summary>The state's family: ok, failed, running, waiting or cancelled (also a CSS class of timeline bars and DAG nodes).</summary>
    public static string Family(string? state) => state switch
    {
        "COMPLETED" => "ok",
        "FAILED" or "SUBMISSION_FAILED" or "FAILING" or "TIMED_OUT" or "CRASHED" => "failed",
        "RUNNING" or "SUCCEEDING" or "SUBMITTED" or "RETRYING" or "CANCELLING" or "PENDING_RERUN" or "INVALIDATING" => "running",
        "ABORTED" or "CANCELLED" => "cancelled",
        _ => "waiting",
    };

    public static Color ColorOf(string? state) => Family(state) switch
    {
        "ok" => Color.Success,
        "failed" => Color.Error,
        "running" => Color.Info,
        "cancelled" => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>A fill for SVG shapes of a state family, from the theme's palette variables.</summary>
    public static string Fill(string? state) => Family(state) switch
    {
        "ok" => "var(--mud-palette-success)",
        "failed" => "var(--mud-palette-error)",
        "running" => "var(--mud-palette-info)",
        "cancelled" => "var(--mud-palette-warning)",
        _ => "var(--mud-palette-action-disabled)",
    };

    public static string Duration(long? ms)
    {
        if (ms is not { } v)
        {
            return "—";
        }
        var t = TimeSpan.FromMilliseconds(v);
        return t.TotalSeconds < 60 ? $"{t.TotalSeconds:0.#} s" : t.TotalMinutes < 60 ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : $"{(int)t.TotalHours} h {t.Minutes} min";
    }
}
