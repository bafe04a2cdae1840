using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Clusters.ImageAliases;

public enum TagAliasScope
{
    Global,
    Domain,
}

/// <summary>
/// A docker tag alias: <c>image:${alias}</c> becomes <c>image:{value}</c>. GLOBAL ones come from configuration and are
/// read-only; DOMAIN ones belong to the domain (and win over a global alias of the same name).
/// </summary>
public sealed record TagAliasView(string Alias, string Value, TagAliasScope Scope, string? CreatedBy, DateTimeOffset? CreatedAt, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record CreateTagAliasRequest([property: Required] string? Alias = null, [property: Required] string? Value = null);

public sealed record UpdateTagAliasRequest([property: Required] string? Value = null);

public static partial class TagAliasRules
{
    public static void RequireAlias(string? alias)
    {
        if (alias is null || !AliasPattern().IsMatch(alias))
        {
            throw ValidationException.ForField("alias", "must be 1-128 letters, digits, '.', '_' or '-'");
        }
    }

    /// <summary>A docker tag: letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-'.</summary>
    public static void RequireValue(string? value)
    {
        if (value is null || !TagPattern().IsMatch(value))
        {
            throw ValidationException.ForField("value", "must be a docker tag: up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();
}
