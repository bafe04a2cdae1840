namespace Iomete.DataSecurity.Engine;

/// <summary>Row filters: resource policies by priority then name; the first matching item of the first matching policy wins (filters are not AND-ed).</summary>
internal static class RowFilterEvaluation
{
    public static RowFilterOutcome Evaluate(PolicyRepository resources, RequestContext ctx)
    {
        var time = ctx.Request.AccessTime;
        var access = ctx.IsAnyAccess ? "select" : ctx.AccessType;
        foreach (var rank in resources.Candidates(ctx.Request.Resource))
        {
            var policy = resources[rank];
            if (!policy.Validity.IsApplicable(time)
                || !MatchTypes.Applies(policy.GetMatchType(ctx.Request.Resource, ctx.Macros), anyAccess: false)
                || !policy.Conditions.Evaluate(ctx.Conditions, unknownMeans: true))
            {
                continue;
            }
            foreach (var (item, info) in policy.RowFilters)
            {
                // An item we cannot fully evaluate may still filter, never lift a filter.
                if (item.Matches(ctx.User, ctx.Request.ResourceOwner, access, ctx.Conditions, !string.IsNullOrWhiteSpace(info.FilterExpr)))
                {
                    var expr = ctx.Macros.ExpandSql(info.FilterExpr);
                    return new RowFilterOutcome(string.IsNullOrWhiteSpace(expr) ? null : expr, policy.Id, policy.Source.Version);
                }
            }
        }
        return new RowFilterOutcome(null, -1, null);
    }
}
