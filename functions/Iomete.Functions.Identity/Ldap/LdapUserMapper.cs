using System.Text.RegularExpressions;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>An LDAP entry read as a user's fields through the attribute mapping.</summary>
public sealed record LdapUser(string Dn, string Username, string? Email, string? FirstName, string? LastName, UserType Type);

internal static partial class LdapUserMapper
{
    public static IReadOnlyList<string> Attributes(LdapSettings settings)
    {
        var m = settings.AttributeMapping;
        return new[] { m.Username, m.Email, m.FirstName, m.LastName, settings.ServiceAccountMapping?.Attribute }.OfType<string>().ToList();
    }

    /// <summary>The user an entry describes, or null when its username is missing or not a valid platform username.</summary>
    public static LdapUser? Map(LdapEntry entry, LdapSettings settings)
    {
        var m = settings.AttributeMapping;
        var username = entry.First(m.Username)?.Trim().ToLowerInvariant();
        if (username is null || !UsernamePattern().IsMatch(username))
        {
            return null;
        }
        var type = settings.ServiceAccountMapping is { } sa && entry.All(sa.Attribute).Contains(sa.Value, StringComparer.OrdinalIgnoreCase)
            ? UserType.ServiceAccount
            : UserType.Person;
        var email = UserRules.Email(entry.First(m.Email));
        return new LdapUser(entry.Dn, username, email is { Length: <= 320 } ? email : null, Cut(entry.First(m.FirstName)), Cut(entry.First(m.LastName)), type);
    }

    /// <summary>DNs compare case-insensitively and without spaces around separators.</summary>
    public static string NormalizeDn(string dn) => SpacesAroundSeparators().Replace(dn.Trim(), "$1").ToLowerInvariant();

    private static string? Cut(string? value) => UserRules.Text(value) is { } text ? text.Length > 255 ? text[..255] : text : null;

    [GeneratedRegex(UserRules.UsernamePattern)]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"\s*([,=+])\s*")]
    private static partial Regex SpacesAroundSeparators();
}
