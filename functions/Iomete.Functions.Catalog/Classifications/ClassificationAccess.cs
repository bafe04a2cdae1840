using System.Text.RegularExpressions;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Catalog.Classifications;

/// <summary>Who governs classifications, and the routes' shared reading of paths and queries.</summary>
internal static partial class ClassificationAccess
{
    public const string AdminTags = "api/v1/admin/governance/classification-tags";
    public const string AdminRequests = "api/v1/admin/governance/classification-requests";
    public const string DomainTags = "api/v1/domains/{domain}/governance/classification-tags";
    public const string DomainRequests = "api/v1/domains/{domain}/governance/classification-requests";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    public static partial Regex TagName();

    /// <summary>ADMINISTRATION_MANAGER or DATA_SECURITY_AND_AUDIT_MANAGER (reads also READ_ONLY_ADMIN).</summary>
    public static void RequireGovernor(Caller caller, bool forRead)
    {
        if (!caller.HasAdminRole(AdminRole.AdministrationManager, forRead) && !caller.HasAdminRole(AdminRole.DataSecurityAndAuditManager, forRead))
        {
            throw new ForbiddenException("Managing classifications needs the ADMINISTRATION_MANAGER or DATA_SECURITY_AND_AUDIT_MANAGER role.");
        }
    }

    public static ClassificationRequestStatus? StatusFilter(HttpRequest request)
    {
        var raw = request.Query["status"].ToString().Trim();
        return raw.Length == 0 ? null
            : raw.ToUpperInvariant() switch
            {
                "IN_REVIEW" => ClassificationRequestStatus.InReview,
                "APPROVED" => ClassificationRequestStatus.Approved,
                "REJECTED" => ClassificationRequestStatus.Rejected,
                "CANCELLED" => ClassificationRequestStatus.Cancelled,
                _ => throw ValidationException.ForField("status", "must be IN_REVIEW, APPROVED, REJECTED or CANCELLED"),
            };
    }

    public static string? Text(HttpRequest request, string name) =>
        request.Query[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    /// <summary>Paging and sorting of request lists: newest first unless a sort is asked for.</summary>
    public static ListQuery Requests(HttpRequest request)
    {
        var query = ListQuery.From(request, ClassificationRequestStore.Sortable, "createdAt");
        return request.Query.ContainsKey("sort") ? query : query with { Descending = true };
    }
}
