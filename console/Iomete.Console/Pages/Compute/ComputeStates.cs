using MudBlazor;

namespace Iomete.Console.Pages.Compute;

/// <summary>A button of a compute cluster's header: the API action it posts and how it is labelled and confirmed.</summary>
public sealed record ComputeAction(string Key, string Label, string Icon, bool Destructive, string? Confirmation);

/// <summary>
/// What a compute cluster's state allows (iomete-features.md §3.1): STARTING and ACTIVE terminate or restart, STOPPED
/// starts, FAILED terminates or restarts. The API's <c>allowedActions</c> decide when present; the table is the fallback.
/// </summary>
public static class ComputeStates
{
    public const string Start = "start";
    public const string Terminate = "terminate";
    public const string Restart = "restart";
    public const string Delete = "delete";

    /// <summary>A route of the compute API (version 2, as IOMETE's): <c>/api/v2/domains/{domain}/</c> + <paramref name="rest"/>.</summary>
    public static string Path(string domain, string rest) => $"/api/v2/domains/{Uri.EscapeDataString(domain)}/{rest.TrimStart('/')}";

    public static readonly IReadOnlyList<string> All = ["STARTING", "ACTIVE", "STOPPED", "FAILED"];

    public static IReadOnlyList<string> AllowedFor(string? status) => status switch
    {
        "STARTING" or "ACTIVE" => [Terminate, Restart],
        "STOPPED" => [Start],
        "FAILED" => [Terminate, Restart],
        _ => [],
    };

    /// <summary>The header's buttons, in a fixed order; delete is there for every Spark cluster (never for 'local').</summary>
    public static IReadOnlyList<ComputeAction> Actions(string? status, IEnumerable<string>? allowed, string? kind, string name)
    {
        var allowedSet = new HashSet<string>(allowed ?? AllowedFor(status), StringComparer.OrdinalIgnoreCase);
        var result = new List<ComputeAction>();
        if (allowedSet.Contains(Start))
        {
            result.Add(new(Start, "Start", Icons.Material.Outlined.PlayArrow, false, null));
        }
        if (allowedSet.Contains(Terminate))
        {
            result.Add(new(Terminate, "Stop", Icons.Material.Outlined.Stop, true,
                $"Stop '{name}'? Its driver and executors end; running queries fail. You can start it again later."));
        }
        if (allowedSet.Contains(Restart))
        {
            result.Add(new(Restart, "Restart", Icons.Material.Outlined.RestartAlt, true,
                $"Restart '{name}'? It stops and starts again; running queries fail."));
        }
        if (!string.Equals(kind, "LOCAL", StringComparison.OrdinalIgnoreCase))
        {
            result.Add(new(Delete, "Delete", Icons.Material.Outlined.Delete, true,
                $"Delete '{name}'? Its definition, activity log and running application are removed. This cannot be undone."));
        }
        return result;
    }

    public static Color ColorOf(string? status) => status switch
    {
        "ACTIVE" => Color.Success,
        "STARTING" => Color.Info,
        "FAILED" => Color.Error,
        _ => Color.Default,
    };
}
