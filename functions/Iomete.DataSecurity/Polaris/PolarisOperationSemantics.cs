namespace Iomete.DataSecurity.Polaris;

/// <summary>
/// What a Polaris operation needs: privileges on its target entity and, for two-entity operations (rename, attach
/// policy), privileges on the secondary entity. All listed privileges are required.
/// </summary>
public sealed record PolarisOperationSemantics(IReadOnlyList<string> TargetPrivileges, IReadOnlyList<string> SecondaryPrivileges)
{
    public IReadOnlyList<string> TargetAccessTypes => TargetPrivileges.Select(PolarisPrivileges.ToAccessType).ToArray();

    public IReadOnlyList<string> SecondaryAccessTypes => SecondaryPrivileges.Select(PolarisPrivileges.ToAccessType).ToArray();
}
