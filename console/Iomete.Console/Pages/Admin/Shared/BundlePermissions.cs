using System.Text.Json;

namespace Iomete.Console.Pages.Admin.Shared;

/// <summary>Reads a bundle member's <c>permissions</c> object (asset type → permission names).</summary>
public static class BundlePermissions
{
    public static IReadOnlyDictionary<string, string[]> Of(JsonElement member)
    {
        var result = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        if (member.ValueKind == JsonValueKind.Object && member.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var type in p.EnumerateObject())
            {
                result[type.Name] = type.Value.ValueKind == JsonValueKind.Array ? [.. type.Value.EnumerateArray().Select(x => x.GetString() ?? "")] : [];
            }
        }
        return result;
    }

    /// <summary>"DOMAIN: VIEW_DATA_CATALOG, CREATE_COMPUTE; COMPUTE: VIEW".</summary>
    public static string Summary(JsonElement member) =>
        string.Join("; ", Of(member).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}"));
}
