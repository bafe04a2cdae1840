namespace Iomete.DataSecurity.Engine;

/// <summary>
/// Ranger's access precedence: super users first; tag policies, then resource policies, each in evaluation order
/// (priority, deny-bearing first, name). Within a priority a deny wins; an allow is final once no deny-bearing policy
/// of the same priority is left; an allow from a higher priority is final; a tag deny yields only to a resource policy
/// of strictly higher priority. Evaluation continues after the decision only to learn whether to audit.
/// </summary>
internal static class AccessEvaluation
{
    public static AccessOutcome Evaluate(PolicyRepository resources, PolicyRepository? tags, RequestContext ctx, bool superUser)
    {
        var state = new AccessState();
        if (superUser)
        {
            state.Decide(true, null, int.MaxValue, "super user");
            state.Determined = true;
        }
        if (tags is not null && ctx.Request.Tags is { Count: > 0 } requestTags)
        {
            EvaluateTags(tags, requestTags, ctx, state);
        }
        var fromTags = state.Policy is { IsTag: true } && state.Determined;
        var deniedByTags = fromTags && !state.Allowed;
        if (state.Determined && state.Audited && !deniedByTags)
        {
            return state.ToOutcome(ctx.AccessType);
        }
        var tagPolicy = state.Policy;
        var tagPriority = state.Priority;
        if (fromTags)
        {
            state.Determined = false;
        }
        var time = ctx.Request.AccessTime;
        foreach (var rank in resources.Candidates(ctx.Request.Resource))
        {
            var policy = resources[rank];
            if (!policy.Validity.IsApplicable(time))
            {
                continue;
            }
            if (deniedByTags ? state.Priority >= policy.Priority : state.Allowed && state.Priority > policy.Priority)
            {
                state.Determined = true;
            }
            var match = policy.GetMatchType(ctx.Request.Resource, ctx.Macros);
            Apply(policy, match, ctx, ctx.Conditions, resources.AccessTypes, state);
            if (state.Allowed && !policy.HasDeny)
            {
                state.Determined = true;
            }
            if (state.Determined && state.Audited)
            {
                break;
            }
        }
        if (!state.Determined && deniedByTags && state.Policy is not { IsTag: false })
        {
            state.Decide(false, tagPolicy, tagPriority, $"denied by tag policy {tagPolicy?.Id}");
        }
        return state.ToOutcome(ctx.AccessType);
    }

    private static void EvaluateTags(PolicyRepository tags, IReadOnlyList<ResourceTag> requestTags, RequestContext ctx, AccessState state)
    {
        var time = ctx.Request.AccessTime;
        foreach (var (policy, tag) in TagPolicies.Matching(tags, requestTags))
        {
            if (!policy.Validity.IsApplicable(time))
            {
                continue;
            }
            var match = MatchTypes.Parse(tag.MatchType) is var m && m == MatchType.Ancestor ? MatchType.Self : m;
            Apply(policy, match, ctx, ctx.ForTag(tag), tags.AccessTypes, state);
            if (state.Allowed && !policy.HasDeny)
            {
                state.Determined = true;
            }
            if (state.Determined && state.Audited)
            {
                break;
            }
        }
        if (state.Allowed)
        {
            state.Determined = true;
        }
    }

    /// <summary>One policy against the running result (Ranger's <c>RangerDefaultPolicyEvaluator.evaluate</c>).</summary>
    private static void Apply(CompiledPolicy policy, MatchType match, RequestContext ctx, ConditionContext conditions, AccessTypes types, AccessState state)
    {
        if ((state.Determined && state.Audited) || !MatchTypes.Applies(match, ctx.IsAnyAccess))
        {
            return;
        }
        if (!policy.Conditions.Evaluate(conditions, unknownMeans: policy.HasDeny))
        {
            return;
        }
        if (!state.Audited && policy.Source.IsAuditEnabled)
        {
            state.Audited = true;
        }
        if (state.Determined)
        {
            return;
        }
        var verdict = ctx.IsAnyAccess
            ? PolicyVerdicts.ForAny(policy, ctx, conditions, types)
            : PolicyVerdicts.For(policy, ctx, conditions, ctx.AccessType);
        var denyAllElse = verdict == Verdict.None && policy.Source.IsDenyAllElse;
        if (verdict == Verdict.Deny || denyAllElse)
        {
            // A deny on something below the requested resource does not deny "any access" to the resource itself.
            if (match != MatchType.Descendant)
            {
                state.Decide(false, policy, policy.Priority,
                    denyAllElse ? $"denied by deny-all-else policy {policy.Id}" : $"denied by policy {policy.Id}");
                state.Determined = true;
            }
        }
        // An allow on something above the requested resource does not reach down to it.
        else if (verdict == Verdict.Allow && !state.Allowed && match != MatchType.Ancestor)
        {
            state.Decide(true, policy, policy.Priority, $"allowed by policy {policy.Id}");
        }
    }
}
