using System.Text.RegularExpressions;
using Iomete.DataSecurity.Model;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>
/// List filters of the policy routes. Policy sets are small (hundreds to a few thousands), so the principal and
/// resource filters run over the parsed policies rather than in SQL.
/// </summary>
public sealed record PolicyListFilter(bool? IsEnabled, int? Priority, string? User, string? Group, string? Database, string? Table)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name", ["id"] = "id", ["priority"] = "priority", ["createdAt"] = "createdAt", ["updatedAt"] = "updatedAt",
    };

    public static PolicyListFilter From(HttpRequest request)
    {
        var enabled = Text(request, "isEnabled");
        var priority = Text(request, "priority")?.ToUpperInvariant();
        return new PolicyListFilter(
            enabled switch
            {
                null => null,
                "true" or "TRUE" or "True" => true,
                "false" or "FALSE" or "False" => false,
                _ => throw ValidationException.ForField("isEnabled", "must be true or false"),
            },
            priority switch
            {
                null => null,
                PolicyMapper.Normal => RangerPolicyPriorities.Normal,
                PolicyMapper.Override => RangerPolicyPriorities.Override,
                _ => throw ValidationException.ForField("priority", "must be NORMAL or OVERRIDE"),
            },
            Text(request, "user"), Text(request, "group"), Text(request, "database"), Text(request, "table"));
    }

    public IEnumerable<StoredPolicy> Apply(IEnumerable<StoredPolicy> policies, ListQuery query)
    {
        var matched = policies.Where(Matches);
        if (query.Search is { } search)
        {
            matched = matched.Where(p => p.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        }
        Func<StoredPolicy, object> key = query.Sort switch
        {
            "id" => p => p.Id,
            "priority" => p => p.Policy.PolicyPriority,
            "createdAt" => p => p.CreatedAt,
            "updatedAt" => p => p.UpdatedAt,
            _ => p => p.Name,
        };
        var comparer = Comparer<object>.Create((a, b) => a is string x && b is string y
            ? StringComparer.OrdinalIgnoreCase.Compare(x, y)
            : Comparer<object>.Default.Compare(a, b));
        var ordered = query.Descending ? matched.OrderByDescending(key, comparer) : matched.OrderBy(key, comparer);
        return ordered.ThenBy(p => p.Id);
    }

    private bool Matches(StoredPolicy stored)
    {
        var p = stored.Policy;
        if ((IsEnabled is { } enabled && p.IsEnabled != enabled) || (Priority is { } priority && p.PolicyPriority != priority))
        {
            return false;
        }
        var items = p.PolicyItems.Concat(p.DenyPolicyItems).Concat(p.AllowExceptions).Concat(p.DenyExceptions)
            .Concat(p.DataMaskPolicyItems).Concat(p.RowFilterPolicyItems).ToList();
        if (User is { } user && !items.Any(i => i.Users.Contains(user, StringComparer.Ordinal)))
        {
            return false;
        }
        if (Group is { } group && !items.Any(i => i.Groups.Contains(group, StringComparer.Ordinal)))
        {
            return false;
        }
        var resources = new[] { p.Resources }.Concat(p.AdditionalResources).ToList();
        return (Database is null || resources.Any(r => Mentions(r, "database", Database))) &&
               (Table is null || resources.Any(r => Mentions(r, "table", Table)));
    }

    /// <summary>True when a value of the resource equals <paramref name="value"/> or is a wildcard pattern matching it.</summary>
    private static bool Mentions(Dictionary<string, RangerPolicyResource> resource, string key, string value) =>
        resource.TryGetValue(key, out var r) && r.Values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase) ||
            (v.IndexOfAny(['*', '?']) >= 0 && Regex.IsMatch(value,
                "^" + Regex.Escape(v).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100))));

    private static string? Text(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
