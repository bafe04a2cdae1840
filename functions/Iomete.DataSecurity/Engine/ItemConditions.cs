using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// The conditions of a policy or policy item. A condition the engine cannot evaluate is "unknown"; the caller decides
/// what unknown means so that it always errs towards less access (see <see cref="Evaluate"/>).
/// </summary>
internal sealed class ItemConditions
{
    private readonly Func<ConditionContext, bool>[] _known;

    public ItemConditions(IReadOnlyList<RangerPolicyItemCondition> conditions, ServiceDefinition serviceDef)
    {
        var known = new List<Func<ConditionContext, bool>>();
        foreach (var condition in conditions)
        {
            var compiled = Compile(condition, serviceDef);
            if (compiled is null)
            {
                HasUnknown = true;
            }
            else
            {
                known.Add(compiled);
            }
        }
        _known = [.. known];
        IsEmpty = conditions.Count == 0;
    }

    public bool IsEmpty { get; }

    /// <summary>True when some condition uses a script construct the engine does not implement.</summary>
    public bool HasUnknown { get; }

    /// <summary>All conditions hold; an unknown condition counts as <paramref name="unknownMeans"/>.</summary>
    public bool Evaluate(ConditionContext context, bool unknownMeans)
    {
        if (IsEmpty)
        {
            return true;
        }
        if (HasUnknown && !unknownMeans)
        {
            return false;
        }
        foreach (var condition in _known)
        {
            if (!condition(context))
            {
                return false;
            }
        }
        return true;
    }

    private static Func<ConditionContext, bool>? Compile(RangerPolicyItemCondition condition, ServiceDefinition serviceDef)
    {
        if (condition.Values.Count == 0)
        {
            return _ => true;
        }
        if (condition.Type == "expression")
        {
            return ScriptExpression.TryParse(string.Join(' ', condition.Values));
        }
        var template = serviceDef.PolicyConditions.FirstOrDefault(c => c.Name == condition.Type)?.ScriptTemplate;
        if (template is null)
        {
            return null;
        }
        var answer = condition.Values[0].Trim().ToUpperInvariant();
        if (answer is "NO" or "FALSE")
        {
            return _ => true;
        }
        return answer is "YES" or "TRUE" ? ScriptExpression.TryParse(template) : null;
    }
}
