using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Engine;
using Iomete.Platform.Data;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.DataAccess;

/// <summary>
/// The current policy evaluator: rebuilt when the policy-set version changes. A replica checks the version at most once
/// per <see cref="DataSecurityOptions.PolicyRefreshInterval"/>; one that changed a policy itself sees it at once.
/// </summary>
public sealed class PolicyEvaluators(IPolicySource source, IOptions<DataSecurityOptions> options, TimeProvider clock, IMetadataDb db)
{
    private readonly SemaphoreSlim rebuild = new(1, 1);
    private readonly IChangeSignal? signal = db.ChangeSignal(IdentityRegistration.Service);
    private volatile Current? current;

    private sealed record Current(IPolicyEvaluator Evaluator, long Version, long CheckedAtMs, long Signal);

    public async ValueTask<IPolicyEvaluator> GetAsync(CancellationToken ct)
    {
        var seen = current;
        if (Fresh(seen))
        {
            return seen!.Evaluator;
        }
        await rebuild.WaitAsync(ct);
        try
        {
            seen = current;
            if (Fresh(seen))
            {
                return seen!.Evaluator;
            }
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var signalled = signal?.Current ?? 0;
            var version = await source.CurrentVersionAsync(ct);
            if (seen is not null && seen.Version == version)
            {
                current = seen with { CheckedAtMs = now, Signal = signalled };
                return seen.Evaluator;
            }
            var snapshot = await source.SnapshotAsync(ct);
            var withSupers = snapshot with
            {
                SuperUsers = snapshot.SuperUsers.Concat(options.Value.SuperUsers).ToHashSet(StringComparer.Ordinal),
                SuperGroups = snapshot.SuperGroups.Concat(options.Value.SuperGroups).ToHashSet(StringComparer.Ordinal),
            };
            var evaluator = PolicyEngines.CreateCached(withSupers);
            current = new Current(evaluator, snapshot.Version, now, signalled);
            return evaluator;
        }
        finally
        {
            rebuild.Release();
        }
    }

    private bool Fresh(Current? seen) =>
        seen is not null
        && (signal is null || signal.Current == seen.Signal)
        && clock.GetUtcNow().ToUnixTimeMilliseconds() - seen.CheckedAtMs < options.Value.PolicyRefreshInterval.TotalMilliseconds;

    /// <summary>Forget the evaluator so the next decision reads the store (after a change made in this process).</summary>
    public void Invalidate() => current = current is { } c ? c with { CheckedAtMs = 0 } : null;
}
