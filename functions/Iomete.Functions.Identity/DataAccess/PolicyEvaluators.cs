using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Engine;
using Iomete.Functions.Identity.DataSecurity.Policies;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.DataAccess;

/// <summary>
/// The current policy evaluator, rebuilt when the policy-set version moves. The store's version read is cheap: it is
/// cached until this process or another on the data directory changes something, and for at most a second otherwise.
/// </summary>
public sealed class PolicyEvaluators(DataPolicyStore store, IOptions<DataSecurityOptions> options)
{
    private readonly SemaphoreSlim rebuild = new(1, 1);
    private volatile Current? current;

    private sealed record Current(IPolicyEvaluator Evaluator, long Version);

    public async ValueTask<IPolicyEvaluator> GetAsync(CancellationToken ct)
    {
        var version = await store.CurrentVersionAsync(ct);
        if (current is { } seen && seen.Version == version)
        {
            return seen.Evaluator;
        }
        await rebuild.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Version == version)
            {
                return again.Evaluator;
            }
            var snapshot = await store.SnapshotAsync(ct);
            var withSupers = snapshot with
            {
                SuperUsers = snapshot.SuperUsers.Concat(options.Value.SuperUsers).ToHashSet(StringComparer.Ordinal),
                SuperGroups = snapshot.SuperGroups.Concat(options.Value.SuperGroups).ToHashSet(StringComparer.Ordinal),
            };
            var evaluator = PolicyEngines.CreateCached(withSupers);
            current = new Current(evaluator, snapshot.Version);
            return evaluator;
        }
        finally
        {
            rebuild.Release();
        }
    }
}
