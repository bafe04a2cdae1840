using Iomete.Functions.Clusters.Compute;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>IOMETE's lifecycle table (§3.1): which actions each state allows.</summary>
public static class ComputeActions
{
    public const string Start = "start";
    public const string Terminate = "terminate";
    public const string Restart = "restart";
    public const string Configure = "configure";

    public static IReadOnlyList<string> Allowed(ComputeStatus status) => status switch
    {
        ComputeStatus.Starting or ComputeStatus.Active => [Terminate, Restart],
        ComputeStatus.Stopped => [Start, Configure],
        ComputeStatus.Failed => [Terminate, Restart, Configure],
        _ => [],
    };

    /// <summary>409 naming the state and what it allows when <paramref name="action"/> is not one of them.</summary>
    public static void Require(ComputeCluster cluster, string action)
    {
        var allowed = Allowed(cluster.Status);
        if (!allowed.Contains(action))
        {
            throw new ConflictException(
                $"The compute cluster '{cluster.Name}' is {ComputeClusterRow.Stored(cluster.Status)}: {action} is not possible; allowed actions: {string.Join(", ", allowed)}.");
        }
    }

    /// <summary>The embedded compute is always ACTIVE and only configurable.</summary>
    public static void RequireForLocal(string action)
    {
        if (action != Configure)
        {
            throw new ConflictException($"The compute 'local' is ACTIVE: {action} is not possible; allowed actions: {Configure}.");
        }
    }
}
