using Iomete.Functions.Core.Common;

namespace Iomete.Functions.Core.SparkSettings;

/// <summary>A checked entry; <see cref="KeepStored"/> means "the client sent the redaction placeholder".</summary>
public sealed record SparkSettingChange(string Key, string Value, bool Sensitive, bool KeepStored, int Index);

internal static class SparkSettingRules
{
    public const string Redacted = "*****";
    public const int MaxSettings = 500;
    public const int MaxKeyLength = 512;
    public const int MaxValueLength = 64 * 1024;

    public static IReadOnlyList<SparkSettingChange> Validate(SparkSettingsRequest request)
    {
        var errors = new FieldErrors();
        var settings = request.Settings ?? throw errors.Fail("settings", "is required (an empty list clears every setting)");
        errors.Check(settings.Count <= MaxSettings, "settings", $"at most {MaxSettings} settings are allowed");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<SparkSettingChange>(settings.Count);
        for (var i = 0; i < settings.Count; i++)
        {
            var field = $"settings[{i}]";
            if (settings[i] is not { } s)
            {
                errors.Add(field, "must be an object with key, value and sensitive");
                continue;
            }
            var ok = CheckKey(s.Key, $"{field}.key", errors);
            if (ok && !seen.Add(s.Key!))
            {
                ok = errors.Check(false, $"{field}.key", $"duplicate key '{s.Key}'");
            }
            var sensitive = s.Sensitive ?? false;
            if (s.Value is null)
            {
                ok = errors.Check(false, $"{field}.value", "is required");
            }
            else if (s.Value.Length > MaxValueLength)
            {
                ok = errors.Check(false, $"{field}.value", $"must be at most {MaxValueLength} characters");
            }
            else if (s.Value == Redacted && !sensitive)
            {
                ok = errors.Check(false, $"{field}.value", $"'{Redacted}' is the redaction placeholder; send the real value");
            }
            if (ok)
            {
                changes.Add(new SparkSettingChange(s.Key!, s.Value!, sensitive, sensitive && s.Value == Redacted, i));
            }
        }
        errors.ThrowIfAny();
        return changes;
    }

    /// <summary>Spark configuration keys: <c>spark.</c> followed by dot-separated parts, no whitespace.</summary>
    private static bool CheckKey(string? key, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(key))
        {
            return errors.Check(false, field, "is required");
        }
        return errors.Check(key.Length <= MaxKeyLength, field, $"must be at most {MaxKeyLength} characters") &&
               errors.Check(key.StartsWith("spark.", StringComparison.Ordinal) && key.Length > "spark.".Length, field,
                   "must be a Spark configuration key starting with 'spark.' (e.g. spark.executor.memory, spark.hadoop.fs.s3a.endpoint)") &&
               errors.Check(!key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)), field, "must not contain whitespace") &&
               errors.Check(!key.Contains("..", StringComparison.Ordinal) && !key.EndsWith('.'), field, "must not have empty parts between dots");
    }
}
