using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary><c>PATCH …/resources</c>: MERGE adds resource sets not already present, REMOVE removes equal ones.</summary>
public sealed record PatchResourcesBody
{
    /// <summary>MERGE or REMOVE.</summary>
    public string? Action { get; init; }

    public List<PolicyResourceBody>? Resources { get; init; }
}

/// <summary>
/// <c>PATCH …/policy-items</c>: MERGE adds each item, or unions its principals into an existing item with the same
/// accesses (and delegateAdmin) / mask type and expression / filter expression; REMOVE removes the named principals
/// from such items and drops items left without principals.
/// </summary>
public sealed record PatchItemsBody
{
    /// <summary>MERGE or REMOVE.</summary>
    public string? Action { get; init; }

    public List<PolicyItemBody>? AllowPolicyItems { get; init; }
    public List<PolicyItemBody>? AllowExceptions { get; init; }
    public List<PolicyItemBody>? DenyPolicyItems { get; init; }
    public List<PolicyItemBody>? DenyExceptions { get; init; }
    public List<DataMaskItemBody>? DataMaskPolicyItems { get; init; }
    public List<RowFilterItemBody>? RowFilterPolicyItems { get; init; }
}

public static class PolicyPatch
{
    public static bool IsMerge(string? action) => action?.Trim().ToUpperInvariant() switch
    {
        "MERGE" => true,
        "REMOVE" => false,
        _ => throw ValidationException.ForField("action", "must be MERGE or REMOVE"),
    };

    public static DataPolicyBody Resources(PolicyKind kind, DataPolicyBody current, PatchResourcesBody patch)
    {
        var merge = IsMerge(patch.Action);
        if (patch.Resources is not { Count: > 0 })
        {
            throw ValidationException.ForField("resources", "needs at least one resource");
        }
        var result = (current.Resources ?? []).ToList();
        foreach (var resource in patch.Resources)
        {
            var key = ResourceKey(kind, resource);
            var index = result.FindIndex(r => ResourceKey(kind, r) == key);
            if (merge && index < 0)
            {
                result.Add(resource);
            }
            else if (!merge && index >= 0)
            {
                result.RemoveAt(index);
            }
        }
        return current with { Resources = result };
    }

    public static DataPolicyBody Items(PolicyKind kind, DataPolicyBody current, PatchItemsBody patch)
    {
        var merge = IsMerge(patch.Action);
        return current with
        {
            AllowPolicyItems = Access(current.AllowPolicyItems, patch.AllowPolicyItems, merge),
            AllowExceptions = Access(current.AllowExceptions, patch.AllowExceptions, merge),
            DenyPolicyItems = Access(current.DenyPolicyItems, patch.DenyPolicyItems, merge),
            DenyExceptions = Access(current.DenyExceptions, patch.DenyExceptions, merge),
            DataMaskPolicyItems = Apply(current.DataMaskPolicyItems, patch.DataMaskPolicyItems, merge,
                i => $"{i.DataMaskType?.Trim().ToUpperInvariant()}\u0001{i.DataMaskCustomExpr}\u0001{i.ConditionExpr}",
                i => (i.Users, i.Groups, i.Roles), (i, p) => i with { Users = p.Users, Groups = p.Groups, Roles = p.Roles }),
            RowFilterPolicyItems = Apply(current.RowFilterPolicyItems, patch.RowFilterPolicyItems, merge,
                i => i.FilterExpr?.Trim() ?? "",
                i => (i.Users, i.Groups, i.Roles), (i, p) => i with { Users = p.Users, Groups = p.Groups, Roles = p.Roles }),
        };
    }

    private static string ResourceKey(PolicyKind kind, PolicyResourceBody resource) =>
        string.Join('\u0002', PolicyMapper.Resource(kind, resource).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.IsExcludes}:{string.Join('\u0001', p.Value.Values.Order(StringComparer.Ordinal))}"));

    private static List<PolicyItemBody>? Access(List<PolicyItemBody>? current, List<PolicyItemBody>? patch, bool merge) =>
        Apply(current, patch, merge,
            i => string.Join(',', (i.Accesses ?? []).Select(a => a.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)) +
                 (i.DelegateAdmin == true ? "+admin" : ""),
            i => (i.Users, i.Groups, i.Roles), (i, p) => i with { Users = p.Users, Groups = p.Groups, Roles = p.Roles });

    private static List<T>? Apply<T>(List<T>? current, List<T>? patch, bool merge, Func<T, string> key,
        Func<T, (List<string>? Users, List<string>? Groups, List<string>? Roles)> principals,
        Func<T, (List<string> Users, List<string> Groups, List<string> Roles), T> with)
    {
        if (patch is not { Count: > 0 })
        {
            return current;
        }
        var result = (current ?? []).ToList();
        foreach (var item in patch)
        {
            var index = result.FindIndex(existing => key(existing) == key(item));
            var given = principals(item);
            if (merge)
            {
                if (index < 0)
                {
                    result.Add(item);
                    continue;
                }
                var have = principals(result[index]);
                result[index] = with(result[index], (Union(have.Users, given.Users), Union(have.Groups, given.Groups), Union(have.Roles, given.Roles)));
                continue;
            }
            if (index < 0)
            {
                continue;
            }
            var left = principals(result[index]);
            var remaining = (Except(left.Users, given.Users), Except(left.Groups, given.Groups), Except(left.Roles, given.Roles));
            if (remaining.Item1.Count + remaining.Item2.Count + remaining.Item3.Count == 0)
            {
                result.RemoveAt(index);
            }
            else
            {
                result[index] = with(result[index], remaining);
            }
        }
        return result;
    }

    private static List<string> Union(List<string>? a, List<string>? b) => (a ?? []).Concat(b ?? []).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Except(List<string>? a, List<string>? b) => (a ?? []).Except(b ?? [], StringComparer.Ordinal).ToList();
}
