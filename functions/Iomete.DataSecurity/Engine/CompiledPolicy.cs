using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>A policy compiled against its service definition: resource matchers, items, conditions, validity.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(RangerPolicy policy, ServiceDefinition serviceDef, ResourceHierarchies hierarchies, AccessTypes accessTypes, bool isTag)
    {
        Source = policy;
        IsTag = isTag;
        Matchers = [new PolicyResourceMatcher(hierarchies, policy.Resources),
            .. policy.AdditionalResources.Select(r => new PolicyResourceMatcher(hierarchies, r))];
        Deny = Compile(policy.DenyPolicyItems, accessTypes, serviceDef);
        DenyExceptions = Compile(policy.DenyExceptions, accessTypes, serviceDef);
        Allow = Compile(policy.PolicyItems, accessTypes, serviceDef);
        AllowExceptions = Compile(policy.AllowExceptions, accessTypes, serviceDef);
        Masks = policy.DataMaskPolicyItems.Select(i => (new CompiledItem(i, accessTypes, serviceDef), i.DataMaskInfo)).ToArray();
        RowFilters = policy.RowFilterPolicyItems.Select(i => (new CompiledItem(i, accessTypes, serviceDef), i.RowFilterInfo)).ToArray();
        Conditions = new ItemConditions(policy.Conditions, serviceDef);
        Validity = new ValidityWindows(policy.ValiditySchedules);
        HasDeny = Deny.Length > 0 || policy.IsDenyAllElse;
    }

    public RangerPolicy Source { get; }

    public long Id => Source.Id;

    public int Priority => Source.PolicyPriority;

    public bool IsTag { get; }

    /// <summary>Position in the evaluation order (set by the repository).</summary>
    public int Rank { get; set; }

    public PolicyResourceMatcher[] Matchers { get; }

    public CompiledItem[] Deny { get; }

    public CompiledItem[] DenyExceptions { get; }

    public CompiledItem[] Allow { get; }

    public CompiledItem[] AllowExceptions { get; }

    public (CompiledItem Item, RangerPolicyItemDataMaskInfo Info)[] Masks { get; }

    public (CompiledItem Item, RangerPolicyItemRowFilterInfo Info)[] RowFilters { get; }

    public ItemConditions Conditions { get; }

    public ValidityWindows Validity { get; }

    /// <summary>Has deny items or deny-all-else: such policies run first within a priority.</summary>
    public bool HasDeny { get; }

    public bool UsesUnknownConditions =>
        Conditions.HasUnknown || Deny.Concat(DenyExceptions).Concat(Allow).Concat(AllowExceptions)
            .Concat(Masks.Select(m => m.Item)).Concat(RowFilters.Select(r => r.Item)).Any(i => i.HasUnknownConditions);

    /// <summary>The best match type over the policy's resource sets.</summary>
    public MatchType GetMatchType(IReadOnlyDictionary<string, string> resource, in MacroContext macros)
    {
        var best = MatchType.None;
        foreach (var matcher in Matchers)
        {
            var type = matcher.GetMatchType(resource, macros);
            if (MatchTypes.Rank(type) > MatchTypes.Rank(best))
            {
                best = type;
            }
        }
        return best;
    }

    /// <summary>Ranger's evaluation order: higher priority first, deny-bearing first, then name, then id.</summary>
    public static int Compare(CompiledPolicy a, CompiledPolicy b)
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c != 0)
        {
            return c;
        }
        c = b.HasDeny.CompareTo(a.HasDeny);
        if (c != 0)
        {
            return c;
        }
        c = string.CompareOrdinal(a.Source.Name, b.Source.Name);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    /// <summary>Mask and row-filter order: priority, then name (Ranger's NAME_COMPARATOR).</summary>
    public static int CompareByName(CompiledPolicy a, CompiledPolicy b)
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c != 0)
        {
            return c;
        }
        c = string.CompareOrdinal(a.Source.Name, b.Source.Name);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }

    private static CompiledItem[] Compile(List<RangerPolicyItem> items, AccessTypes accessTypes, ServiceDefinition serviceDef) =>
        items.Select(i => new CompiledItem(i, accessTypes, serviceDef)).ToArray();
}
