using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// Data masks: tag mask policies first, then resource mask policies, each ordered by priority then name; the first
/// matching item of the first matching policy wins, and a later policy replaces it only with a strictly higher priority.
/// </summary>
internal static class MaskEvaluation
{
    public static MaskOutcome Evaluate(PolicyRepository resources, PolicyRepository? tags, RequestContext ctx)
    {
        CompiledPolicy? winner = null;
        RangerPolicyItemDataMaskInfo? info = null;
        var time = ctx.Request.AccessTime;
        if (tags is not null && ctx.Request.Tags is { Count: > 0 } requestTags)
        {
            foreach (var (policy, tag) in TagPolicies.Matching(tags, requestTags))
            {
                var match = MatchTypes.Parse(tag.MatchType) is var m && m == MatchType.Ancestor ? MatchType.Self : m;
                if (policy.Validity.IsApplicable(time) && MatchTypes.Applies(match, anyAccess: false)
                    && FirstItem(policy, ctx, ctx.ForTag(tag)) is { } found)
                {
                    (winner, info) = (policy, found);
                    break;
                }
            }
        }
        foreach (var rank in resources.Candidates(ctx.Request.Resource))
        {
            var policy = resources[rank];
            if (winner is not null && winner.Priority >= policy.Priority)
            {
                break;
            }
            if (policy.Validity.IsApplicable(time)
                && MatchTypes.Applies(policy.GetMatchType(ctx.Request.Resource, ctx.Macros), anyAccess: false)
                && FirstItem(policy, ctx, ctx.Conditions) is { } found)
            {
                (winner, info) = (policy, found);
                break;
            }
        }
        if (winner is null || info is null)
        {
            return new MaskOutcome(null, null, null, -1, null);
        }
        var type = info.DataMaskType;
        var repo = winner.IsTag && tags is not null ? tags : resources;
        var masked = string.Equals(type, "CUSTOM", StringComparison.OrdinalIgnoreCase)
            ? ctx.Macros.ExpandSql(info.ValueExpr)
            : repo.ServiceDef.DataMaskDef?.MaskTypes.FirstOrDefault(t => t.Name == type)?.Transformer;
        return new MaskOutcome(type, ctx.Macros.ExpandSql(info.ConditionExpr), masked, winner.Id, winner.Source.Version);
    }

    private static RangerPolicyItemDataMaskInfo? FirstItem(CompiledPolicy policy, RequestContext ctx, ConditionContext conditions)
    {
        if (!policy.Conditions.Evaluate(conditions, unknownMeans: true))
        {
            return null;
        }
        var access = ctx.IsAnyAccess ? "select" : ctx.AccessType;
        foreach (var (item, info) in policy.Masks)
        {
            // An item we cannot fully evaluate may still mask, never unmask.
            var unknownMeans = info.DataMaskType is not ("MASK_NONE" or "NONE");
            if (item.Matches(ctx.User, ctx.Request.ResourceOwner, access, conditions, unknownMeans))
            {
                return info;
            }
        }
        return null;
    }
}
