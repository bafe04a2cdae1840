using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iomete.DataSecurity.Model;

/// <summary>JSON options for Ranger's policy JSON: camelCase, case-insensitive reads, unknown fields ignored.</summary>
public static class RangerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        WriteIndented = false,
    };
}
