using System.Text.Json;
using System.Text.Json.Serialization;
using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// A Ranger service definition (the subset the engine needs), with Ranger's JSON field names so that the
/// <c>serviceDef</c> of Ranger's own fixtures deserializes unchanged.
/// </summary>
public sealed record ServiceDefinition
{
    public string Name { get; init; } = "";

    public List<ResourceDef> Resources { get; init; } = [];

    public List<AccessTypeDef> AccessTypes { get; init; } = [];

    public List<PolicyConditionDef> PolicyConditions { get; init; } = [];

    public DataMaskDef? DataMaskDef { get; init; }

    public RowFilterDef? RowFilterDef { get; init; }

    public static ServiceDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<ServiceDefinition>(json, RangerJson.Options)
        ?? throw new JsonException("empty service definition");

    public static ServiceDefinition FromJson(JsonElement json) =>
        json.Deserialize<ServiceDefinition>(RangerJson.Options) ?? throw new JsonException("empty service definition");
}

/// <summary>A resource level (e.g. database → table → column). <c>matcherOptions</c> values may be booleans or strings.</summary>
public sealed record ResourceDef
{
    public string Name { get; init; } = "";

    public int Level { get; init; }

    public string? Parent { get; init; }

    public string? Matcher { get; init; }

    public Dictionary<string, JsonElement>? MatcherOptions { get; init; }

    /// <summary>Whether <c>*</c> and <c>?</c> are wildcards (Ranger's default: true).</summary>
    [JsonIgnore]
    public bool WildCard => Option("wildCard", true);

    /// <summary>Whether values compare case-insensitively (Ranger's default: true).</summary>
    [JsonIgnore]
    public bool IgnoreCase => Option("ignoreCase", true);

    /// <summary>Path-like resources (URL, path matchers) ignore a trailing separator and honour <c>isRecursive</c>.</summary>
    [JsonIgnore]
    public bool IsPath =>
        Matcher is not null && (Matcher.Contains("Path", StringComparison.Ordinal) || Matcher.Contains("URL", StringComparison.Ordinal));

    private bool Option(string name, bool fallback)
    {
        if (MatcherOptions is null || !MatcherOptions.TryGetValue(name, out var value))
        {
            return fallback;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => bool.TryParse(value.GetString(), out var parsed) ? parsed : fallback,
            _ => fallback,
        };
    }
}

public sealed record AccessTypeDef
{
    public string Name { get; init; } = "";

    public string? Label { get; init; }

    public List<string> ImpliedGrants { get; init; } = [];
}

/// <summary>A condition type; <c>evaluatorOptions.scriptTemplate</c> is used by yes/no template conditions.</summary>
public sealed record PolicyConditionDef
{
    public string Name { get; init; } = "";

    public string? Evaluator { get; init; }

    public Dictionary<string, JsonElement>? EvaluatorOptions { get; init; }

    [JsonIgnore]
    public string? ScriptTemplate =>
        EvaluatorOptions is not null && EvaluatorOptions.TryGetValue("scriptTemplate", out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}

public sealed record MaskTypeDef
{
    public long ItemId { get; init; }

    public string Name { get; init; } = "";

    public string? Label { get; init; }

    public string? Description { get; init; }

    /// <summary>SQL with <c>{col}</c> for the column (Hive's UDF calls in Hive's definition).</summary>
    public string? Transformer { get; init; }
}

public sealed record DataMaskDef
{
    public List<MaskTypeDef> MaskTypes { get; init; } = [];

    public List<AccessTypeDef> AccessTypes { get; init; } = [];

    public List<ResourceDef> Resources { get; init; } = [];
}

public sealed record RowFilterDef
{
    public List<AccessTypeDef> AccessTypes { get; init; } = [];

    public List<ResourceDef> Resources { get; init; } = [];
}
