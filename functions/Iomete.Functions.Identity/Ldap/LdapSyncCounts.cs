namespace Iomete.Functions.Identity.Ldap;

/// <summary>What one sync changed. Skipped users: no valid username, or a local user of the same name or email exists.</summary>
public sealed record LdapSyncCounts
{
    public int UsersFound { get; set; }
    public int UsersCreated { get; set; }
    public int UsersUpdated { get; set; }
    public int UsersRestored { get; set; }
    public int UsersDisabled { get; set; }
    public int UsersSkipped { get; set; }
    public int GroupsFound { get; set; }
    public int GroupsCreated { get; set; }
    public int GroupsUpdated { get; set; }
    public int GroupsRemoved { get; set; }
    public int GroupsSkipped { get; set; }
    public int MembershipsAdded { get; set; }
    public int MembershipsRemoved { get; set; }
}
