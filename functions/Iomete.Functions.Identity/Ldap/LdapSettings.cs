using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>How a group entry names its members: by their DN, or by their username (posixGroup's memberUid).</summary>
public enum MembershipAttributeType
{
    Dn,
    Uid,
}

/// <summary>LDAP attributes that fill a user's fields.</summary>
public sealed record LdapAttributeMapping(
    [property: Required, MaxLength(128)] string Username = "uid",
    [property: MaxLength(128)] string? Email = "mail",
    [property: MaxLength(128)] string? FirstName = "givenName",
    [property: MaxLength(128)] string? LastName = "sn");

/// <summary>Entries whose <see cref="Attribute"/> has <see cref="Value"/> become service accounts (e.g. employeeType=Service).</summary>
public sealed record LdapServiceAccountMapping(
    [property: Required, MaxLength(128)] string Attribute,
    [property: Required, MaxLength(256)] string Value);

/// <summary>Group sync: which entries are groups, their name and how they list members.</summary>
public sealed record LdapGroupSync(
    bool Enabled = false,
    [property: MaxLength(1024)] string? GroupsDn = null,
    IReadOnlyList<string>? ObjectClasses = null,
    IReadOnlyList<string>? Filters = null,
    [property: MaxLength(128)] string NameAttribute = "cn",
    [property: MaxLength(128)] string MembershipAttribute = "member",
    MembershipAttributeType MembershipAttributeType = MembershipAttributeType.Dn,
    bool NestedGroups = true);

/// <summary>The stored configuration, without the bind credential (kept encrypted beside it).</summary>
public sealed record LdapSettings(
    string ConnectionUrl,
    string? BindDn,
    string UsersDn,
    IReadOnlyList<string> UserObjectClasses,
    IReadOnlyList<string> UserFilters,
    LdapAttributeMapping AttributeMapping,
    LdapServiceAccountMapping? ServiceAccountMapping,
    LdapGroupSync GroupSync,
    int SyncIntervalSeconds,
    int PageSize,
    bool Enabled)
{
    public const string Origin = "LDAP";
}

/// <summary>The configuration with its secret, as the connector needs it.</summary>
public sealed record LdapConnectionSettings(LdapSettings Settings, string? BindCredential);

/// <summary>The configuration as the API shows it: the bind credential never leaves, only whether it is set.</summary>
public sealed record LdapConfigView(
    string ConnectionUrl,
    string? BindDn,
    bool BindCredentialSet,
    string UsersDn,
    IReadOnlyList<string> UserObjectClasses,
    IReadOnlyList<string> UserFilters,
    LdapAttributeMapping AttributeMapping,
    LdapServiceAccountMapping? ServiceAccountMapping,
    LdapGroupSync GroupSync,
    int SyncIntervalSeconds,
    int PageSize,
    bool Enabled,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Version);
