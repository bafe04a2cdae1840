using System.Text.RegularExpressions;

namespace Iomete.Functions.Core.Common;

/// <summary>A <c>{key, value}</c> tag; Spark workloads copy them onto pod labels, so both follow label syntax.</summary>
public sealed record ResourceTag(string Key, string Value);

internal static partial class ResourceTags
{
    public const int MaxTags = 64;
    public const int MaxLength = 63;

    /// <summary>Kubernetes label name/value syntax: alphanumeric at both ends, <c>-_.</c> inside.</summary>
    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex LabelSyntax();

    public static IReadOnlyList<ResourceTag> Validate(IReadOnlyList<ResourceTag?>? tags, FieldErrors errors, string field = "resourceTags")
    {
        if (tags is null)
        {
            return [];
        }
        errors.Check(tags.Count <= MaxTags, field, $"at most {MaxTags} tags are allowed");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<ResourceTag>(tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (tag is null)
            {
                errors.Add($"{field}[{i}]", "must be an object with key and value");
                continue;
            }
            var ok = CheckPart(tag.Key, $"{field}[{i}].key", allowEmpty: false, errors);
            ok &= CheckPart(tag.Value, $"{field}[{i}].value", allowEmpty: true, errors);
            if (ok && !seen.Add(tag.Key))
            {
                errors.Add($"{field}[{i}].key", $"duplicate key '{tag.Key}'");
                ok = false;
            }
            if (ok)
            {
                valid.Add(tag);
            }
        }
        return valid;
    }

    private static bool CheckPart(string? text, string field, bool allowEmpty, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return allowEmpty || errors.Check(false, field, "is required");
        }
        return errors.Check(text.Length <= MaxLength, field, $"must be at most {MaxLength} characters") &&
               errors.Check(LabelSyntax().IsMatch(text), field,
                   "must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'");
    }
}
