using System.ComponentModel.DataAnnotations;
using ValidationException = Iomete.Platform.Errors.ValidationException;

namespace Iomete.Functions.Identity.Ldap;

/// <param name="BindCredential">Write-only. Left out (null) keeps the stored one; an empty string removes it.</param>
/// <param name="Version">The version read before the change (compare-and-swap); ignored when nothing is configured yet.</param>
public sealed record LdapConfigRequest(
    [property: Required, MaxLength(1024)] string ConnectionUrl,
    [property: MaxLength(1024)] string? BindDn = null,
    [property: MaxLength(1024)] string? BindCredential = null,
    [property: Required, MaxLength(1024)] string UsersDn = "",
    IReadOnlyList<string>? UserObjectClasses = null,
    IReadOnlyList<string>? UserFilters = null,
    LdapAttributeMapping? AttributeMapping = null,
    LdapServiceAccountMapping? ServiceAccountMapping = null,
    LdapGroupSync? GroupSync = null,
    [property: Range(5, int.MaxValue)] int SyncIntervalSeconds = 86400,
    [property: Range(1, 10000)] int PageSize = 500,
    bool Enabled = true,
    int? Version = null)
{
    /// <summary>Validates what DataAnnotations cannot, and fills defaults.</summary>
    public LdapSettings ToSettings()
    {
        LdapUrl.Require("connectionUrl", ConnectionUrl);
        var mapping = AttributeMapping ?? new LdapAttributeMapping();
        RequireAttribute("attributeMapping.username", mapping.Username);
        var groups = GroupSync ?? new LdapGroupSync();
        if (groups.Enabled && string.IsNullOrWhiteSpace(groups.GroupsDn))
        {
            throw ValidationException.ForField("groupSync.groupsDn", "is required when group sync is enabled");
        }
        RequireAttribute("groupSync.nameAttribute", groups.NameAttribute);
        RequireAttribute("groupSync.membershipAttribute", groups.MembershipAttribute);
        if (ServiceAccountMapping is { } sa)
        {
            RequireAttribute("serviceAccountMapping.attribute", sa.Attribute);
        }
        var userFilters = Clean(UserFilters);
        var groupFilters = Clean(groups.Filters);
        foreach (var (field, filter) in userFilters.Select(f => ("userFilters", f)).Concat(groupFilters.Select(f => ("groupSync.filters", f))))
        {
            if (LdapFilter.Problem(filter) is { } problem)
            {
                throw ValidationException.ForField(field, $"'{filter}' {problem}");
            }
        }
        var userClasses = Clean(UserObjectClasses);
        var groupClasses = Clean(groups.ObjectClasses);
        foreach (var objectClass in userClasses.Concat(groupClasses))
        {
            RequireAttribute("objectClasses", objectClass);
        }
        return new LdapSettings(ConnectionUrl.Trim(), Text(BindDn), UsersDn.Trim(),
            userClasses.Count == 0 ? ["inetOrgPerson"] : userClasses, userFilters, mapping with
            {
                Username = mapping.Username.Trim(), Email = Text(mapping.Email), FirstName = Text(mapping.FirstName), LastName = Text(mapping.LastName),
            },
            ServiceAccountMapping, groups with
            {
                GroupsDn = Text(groups.GroupsDn),
                ObjectClasses = groupClasses.Count == 0 ? ["groupOfNames"] : groupClasses,
                Filters = groupFilters,
            },
            SyncIntervalSeconds, PageSize, Enabled);
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Attribute names and object classes go into filters unescaped, so they must be plain names (RFC 4512 descr or OID).
    private static void RequireAttribute(string field, string? name)
    {
        if (name is null || !System.Text.RegularExpressions.Regex.IsMatch(name.Trim(), "^([A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+)$"))
        {
            throw ValidationException.ForField(field, $"'{name}' is not an LDAP attribute name");
        }
    }
}

internal static class LdapUrl
{
    public static Uri Require(string field, string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "ldap" && uri.Scheme != "ldaps") || uri.Host.Length == 0)
        {
            throw ValidationException.ForField(field, "must be an ldap:// or ldaps:// URL with a host");
        }
        return uri;
    }

    public static bool IsSecure(Uri uri) => uri.Scheme == "ldaps";

    public static int Port(Uri uri) => uri.Port > 0 ? uri.Port : IsSecure(uri) ? 636 : 389;
}
