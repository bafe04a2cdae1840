using System.Text.Json;
using Iomete.Console.Api;

namespace Iomete.Console.Pages.DataSecurity;

/// <summary>One-line summaries of a policy for the list.</summary>
public static class PolicySummary
{
    public static string Resources(JsonElement policy) =>
        string.Join("; ", policy.Items("resources").Select(r =>
            r.Items("tags").Any()
                ? "tags " + Join(r, "tags")
                : string.Join(".", new[] { Join(r, "databases"), Join(r, "tables"), Join(r, "columns") }.Where(p => p.Length > 0))));

    public static string Principals(JsonElement policy)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var list in new[] { "allowPolicyItems", "denyPolicyItems", "dataMaskPolicyItems", "rowFilterPolicyItems" })
        {
            foreach (var item in policy.Items(list))
            {
                foreach (var (kind, prefix) in new[] { ("users", ""), ("groups", "group "), ("roles", "role ") })
                {
                    foreach (var v in item.Items(kind))
                    {
                        names.Add(prefix + v.GetString());
                    }
                }
            }
        }
        return names.Count == 0 ? "—" : string.Join(", ", names);
    }

    private static string Join(JsonElement r, string name) => string.Join(",", r.Items(name).Select(v => v.GetString()));
}
