using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Access;

/// <summary>The API and storage names of asset types (SNAKE_UPPER, as the JSON enums).</summary>
internal static class AssetTypeNames
{
    private static readonly Dictionary<string, AssetType> ByName =
        Enum.GetValues<AssetType>().ToDictionary(Name, t => t, StringComparer.OrdinalIgnoreCase);

    public static string Name(this AssetType type) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(type.ToString());

    public static AssetType FromDb(string value) => ByName[value];

    /// <summary>Parses an asset type from a request, or a 400 naming <paramref name="field"/>.</summary>
    public static AssetType Parse(string? value, string field) =>
        value is not null && ByName.TryGetValue(value.Trim(), out var type)
            ? type
            : throw ValidationException.ForField(field,
                $"'{value}' is not an asset type; expected one of: {string.Join(", ", ByName.Values.Select(Name))}");

    /// <summary>Upper-cases and checks permissions of one asset type; a 400 names the first bad one.</summary>
    public static IReadOnlyList<string> ValidPermissions(AssetType type, IEnumerable<string?>? permissions, string field)
    {
        var result = new List<string>();
        foreach (var raw in permissions ?? [])
        {
            var permission = raw?.Trim().ToUpperInvariant() ?? string.Empty;
            if (!AssetPermissions.IsValid(type, permission))
            {
                throw ValidationException.ForField(field,
                    $"'{raw}' is not a permission of {type.Name()}; expected one of: {string.Join(", ", AssetPermissions.For(type))}");
            }
            if (!result.Contains(permission))
            {
                result.Add(permission);
            }
        }
        return result;
    }
}
