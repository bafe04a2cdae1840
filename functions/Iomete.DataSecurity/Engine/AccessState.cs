namespace Iomete.DataSecurity.Engine;

/// <summary>The running access result while policies are evaluated (Ranger's <c>RangerAccessResult</c>).</summary>
internal sealed class AccessState
{
    public bool Allowed { get; set; }

    public bool Determined { get; set; }

    public bool Audited { get; set; }

    public int Priority { get; set; }

    public CompiledPolicy? Policy { get; set; }

    public string Reason { get; set; } = "";

    public void Decide(bool allowed, CompiledPolicy? policy, int priority, string reason)
    {
        Allowed = allowed;
        Policy = policy;
        Priority = priority;
        Reason = reason;
    }

    public AccessOutcome ToOutcome(string accessType) =>
        new(Allowed, Audited, Policy?.Id ?? -1, Policy?.Source.Version,
            Reason.Length > 0 ? Reason : $"no policy allows {accessType}");
}
