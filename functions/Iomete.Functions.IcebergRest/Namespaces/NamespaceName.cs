using Iomete.Functions.IcebergRest.Errors;

namespace Iomete.Functions.IcebergRest.Namespaces;

/// <summary>
/// A namespace identifier: one or more levels. In paths and the <c>parent</c> query the levels are
/// joined by the unit separator 0x1F (sent as <c>%1F</c>); stored the same way.
/// </summary>
public sealed record NamespaceName(IReadOnlyList<string> Levels)
{
    public const char Separator = '\u001f';
    public const int MaxLevelLength = 255;

    public string Key => string.Join(Separator, Levels);

    public string ParentKey => string.Join(Separator, Levels.Take(Levels.Count - 1));

    public NamespaceName? Parent => Levels.Count > 1 ? new NamespaceName(Levels.Take(Levels.Count - 1).ToList()) : null;

    /// <summary>Dotted, for messages (as the Java client prints namespaces).</summary>
    public override string ToString() => string.Join('.', Levels);

    /// <summary>Parses a path segment or <c>parent</c> value (already URL-decoded); 400 when it is not a valid identifier.</summary>
    public static NamespaceName Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw IcebergErrors.BadRequestError("Invalid namespace: it must have at least one level.");
        }
        return FromLevels(value.Split(Separator));
    }

    /// <summary>Validates levels from a request body; 400 for an empty namespace, an empty level or a control character.</summary>
    public static NamespaceName FromLevels(IReadOnlyList<string?>? levels)
    {
        if (levels is null || levels.Count == 0)
        {
            throw IcebergErrors.BadRequestError("Invalid namespace: it must have at least one level.");
        }
        foreach (var level in levels)
        {
            if (string.IsNullOrEmpty(level))
            {
                throw IcebergErrors.BadRequestError("Invalid namespace: a level must not be empty.");
            }
            if (level.Length > MaxLevelLength)
            {
                throw IcebergErrors.BadRequestError($"Invalid namespace: a level must not be longer than {MaxLevelLength} characters.");
            }
            if (level.Any(char.IsControl))
            {
                throw IcebergErrors.BadRequestError("Invalid namespace: a level must not contain control characters.");
            }
        }
        return new NamespaceName(levels.Select(l => l!).ToList());
    }

    public static NamespaceName FromKey(string key) => new(key.Split(Separator));
}
