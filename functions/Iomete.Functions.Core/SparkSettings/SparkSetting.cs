namespace Iomete.Functions.Core.SparkSettings;

/// <summary>One Spark configuration entry as the API shows it; sensitive values read as <c>*****</c>.</summary>
public sealed record SparkSettingView(string Key, string Value, bool Sensitive);

/// <summary>The Spark settings of one scope (global or a domain).</summary>
public sealed record SparkSettingsView(IReadOnlyList<SparkSettingView> Settings, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>One entry to save. For a sensitive key, sending <c>*****</c> keeps the value stored before.</summary>
public sealed record SparkSettingInput(string? Key = null, string? Value = null, bool? Sensitive = null);

/// <summary>Replaces every setting of the scope with this list (an empty list clears them).</summary>
public sealed record SparkSettingsRequest(IReadOnlyList<SparkSettingInput?>? Settings = null);

/// <summary>Where an effective setting came from.</summary>
public enum SparkSettingSource
{
    Global,
    Domain,
}

/// <summary>An effective setting with its real (decrypted) value, for code that builds Spark configurations.</summary>
public sealed record EffectiveSparkSetting(string Key, string Value, bool Sensitive, SparkSettingSource Source);

/// <summary>
/// Reads the Spark settings workloads run with: the global settings, overridden key by key by the
/// domain's. Values are decrypted: never return them to API callers.
/// </summary>
public interface ISparkSettings
{
    /// <summary>Global settings merged with <paramref name="domainId"/>'s (null: global only), ordered by key.</summary>
    Task<IReadOnlyList<EffectiveSparkSetting>> GetEffectiveAsync(string? domainId, CancellationToken ct);
}
