namespace Iomete.DataSecurity.Engine;

internal enum Verdict
{
    None,
    Allow,
    Deny,
}

/// <summary>
/// What one access policy says for one caller and access type: deny items (unless a deny exception matches), then
/// allow items (unless an allow exception matches). Unknown conditions err towards less access.
/// </summary>
internal static class PolicyVerdicts
{
    public static Verdict For(CompiledPolicy policy, RequestContext ctx, ConditionContext conditions, string accessType)
    {
        var user = ctx.User;
        var owner = ctx.Request.ResourceOwner;
        if (AnyMatch(policy.Deny, user, owner, accessType, conditions, unknownMeans: true)
            && !AnyMatch(policy.DenyExceptions, user, owner, accessType, conditions, unknownMeans: false))
        {
            return Verdict.Deny;
        }
        if (AnyMatch(policy.Allow, user, owner, accessType, conditions, unknownMeans: false)
            && !AnyMatch(policy.AllowExceptions, user, owner, accessType, conditions, unknownMeans: true))
        {
            return Verdict.Allow;
        }
        return Verdict.None;
    }

    /// <summary>"Any access": allowed when some type is allowed, denied only when every type is denied.</summary>
    public static Verdict ForAny(CompiledPolicy policy, RequestContext ctx, ConditionContext conditions, AccessTypes types)
    {
        var denied = 0;
        foreach (var type in types.Names)
        {
            switch (For(policy, ctx, conditions, type))
            {
                case Verdict.Allow:
                    return Verdict.Allow;
                case Verdict.Deny:
                    denied++;
                    break;
            }
        }
        return denied > 0 && denied == types.Names.Count ? Verdict.Deny : Verdict.None;
    }

    private static bool AnyMatch(CompiledItem[] items, EvalUser user, string? owner, string accessType, ConditionContext conditions, bool unknownMeans)
    {
        foreach (var item in items)
        {
            if (item.Matches(user, owner, accessType, conditions, unknownMeans))
            {
                return true;
            }
        }
        return false;
    }
}
