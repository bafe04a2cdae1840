namespace Iomete.Platform.Security;

/// <summary>IOMETE's fixed admin roles, assignable to users or groups.</summary>
public enum AdminRole
{
    DomainManager,
    IamManager,
    SparkCatalogManager,
    DataSecurityAndAuditManager,
    ComputeResourcesManager,
    AdministrationManager,
    /// <summary>GET on every admin API.</summary>
    ReadOnlyAdmin,
}
