using Iomete.Platform.Errors;

namespace Iomete.Platform.Security;

public static class AccessControlExtensions
{
    /// <summary>403 unless the caller may act in the domain at all (member of any of its bundles, owner or manager).</summary>
    public static async Task RequireDomainAccessAsync(this IAccessControl access, Caller caller, string domain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!await access.CanAccessDomainAsync(caller, domain, ct))
        {
            throw new ForbiddenException($"You have no access to domain '{domain}'.");
        }
    }
}
