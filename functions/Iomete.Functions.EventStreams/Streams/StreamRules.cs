using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>Input rules of stream resources: Kubernetes names and labels (IOMETE §0), namespaces, settings ranges.</summary>
internal static partial class StreamRules
{
    public const int MaxNameLength = 53;
    public const int MaxTags = 50;
    private const int MaxLabelPart = 63;
    private const int MaxLabelPrefix = 253;

    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !NamePattern().IsMatch(name))
        {
            throw ValidationException.ForField("name",
                $"must be 1 to {MaxNameLength} lowercase letters, digits or '-', starting and ending with a letter or digit");
        }
        return name;
    }

    /// <summary>The namespace asked for, or the first configured one; it must be one of <see cref="EventStreamsOptions.Namespaces"/>.</summary>
    public static string Namespace(string? requested, EventStreamsOptions options)
    {
        var ns = string.IsNullOrEmpty(requested) ? options.AllowedNamespaces[0] : requested;
        if (!options.AllowedNamespaces.Contains(ns, StringComparer.Ordinal))
        {
            throw ValidationException.ForField("namespace", $"must be one of: {string.Join(", ", options.AllowedNamespaces)}");
        }
        return ns;
    }

    /// <summary>Resource tags as Kubernetes labels: key <c>[prefix/]name</c>, value empty or a label value; keys unique.</summary>
    public static IReadOnlyList<ResourceTag> Tags(IReadOnlyList<ResourceTag?>? tags)
    {
        if (tags is null)
        {
            return [];
        }
        if (tags.Count > MaxTags)
        {
            throw ValidationException.ForField("tags", $"at most {MaxTags} tags are allowed");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ResourceTag>(tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (tag is null || !IsLabelKey(tag.Key))
            {
                throw ValidationException.ForField($"tags[{i}].key",
                    "must be an optional DNS prefix and '/', then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            }
            if (tag.Value is null || (tag.Value.Length > 0 && !IsLabelPart(tag.Value)))
            {
                throw ValidationException.ForField($"tags[{i}].value",
                    "must be empty or 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            }
            if (!seen.Add(tag.Key))
            {
                throw ValidationException.ForField($"tags[{i}].key", $"'{tag.Key}' is given twice");
            }
            result.Add(new ResourceTag(tag.Key, tag.Value));
        }
        return result;
    }

    /// <summary>The settings asked for (defaults when absent), every range checked; errors are reported as <c>settings.field</c>.</summary>
    public static EventStreamSettings Settings(EventStreamSettings? settings)
    {
        var value = settings ?? new EventStreamSettings();
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true) &&
            Enum.IsDefined(value.InvalidRows))
        {
            return value;
        }
        var errors = results
            .SelectMany(r => r.MemberNames.Select(m => (Field: "settings." + char.ToLowerInvariant(m[0]) + m[1..], Message: r.ErrorMessage ?? "is invalid")))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (!Enum.IsDefined(value.InvalidRows))
        {
            errors["settings.invalidRows"] = ["must be REJECT or DEAD_LETTER"];
        }
        throw new ValidationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), errors);
    }

    private static bool IsLabelKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return IsLabelPart(key);
        }
        var prefix = key[..slash];
        return prefix.Length is > 0 and <= MaxLabelPrefix && PrefixPattern().IsMatch(prefix) && IsLabelPart(key[(slash + 1)..]);
    }

    private static bool IsLabelPart(string value) => value.Length is > 0 and <= MaxLabelPart && LabelPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
