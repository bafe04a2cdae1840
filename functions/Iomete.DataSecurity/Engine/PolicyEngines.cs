namespace Iomete.DataSecurity.Engine;

/// <summary>Builds evaluators over IOMETE's built-in service definitions.</summary>
public static class PolicyEngines
{
    /// <summary>An engine for the snapshot: resource policies under "iomete", tag policies under "iomete-tag".</summary>
    public static IPolicyEvaluator Create(PolicySnapshot snapshot) =>
        new PolicyEngine(IometeServiceDef.Resource, snapshot, IometeServiceDef.Tag);

    /// <summary>The same engine behind a bounded decision cache (see <see cref="CachingPolicyEvaluator"/>).</summary>
    public static IPolicyEvaluator CreateCached(PolicySnapshot snapshot, int capacity = CachingPolicyEvaluator.DefaultCapacity) =>
        new CachingPolicyEvaluator(Create(snapshot), capacity);
}
