using Iomete.DataSecurity.Model;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>The five kinds of data-security policy: a Ranger service ("iomete" or "iomete_tag") and policy type.</summary>
public enum PolicyKind
{
    Access,
    Mask,
    Filter,
    TagAccess,
    TagMask,
}

public static class PolicyKinds
{
    public const string ResourceService = "iomete";
    public const string TagService = "iomete_tag";

    public static string Name(this PolicyKind kind) => kind switch
    {
        PolicyKind.Access => "ACCESS",
        PolicyKind.Mask => "MASK",
        PolicyKind.Filter => "FILTER",
        PolicyKind.TagAccess => "TAG_ACCESS",
        _ => "TAG_MASK",
    };

    public static PolicyKind Parse(string name) => name switch
    {
        "ACCESS" => PolicyKind.Access,
        "MASK" => PolicyKind.Mask,
        "FILTER" => PolicyKind.Filter,
        "TAG_ACCESS" => PolicyKind.TagAccess,
        "TAG_MASK" => PolicyKind.TagMask,
        _ => throw new InvalidOperationException($"Unknown policy kind '{name}' in the database."),
    };

    public static bool IsTag(this PolicyKind kind) => kind is PolicyKind.TagAccess or PolicyKind.TagMask;

    public static bool IsAccess(this PolicyKind kind) => kind is PolicyKind.Access or PolicyKind.TagAccess;

    public static bool IsMask(this PolicyKind kind) => kind is PolicyKind.Mask or PolicyKind.TagMask;

    public static string Service(this PolicyKind kind) => kind.IsTag() ? TagService : ResourceService;

    public static int PolicyType(this PolicyKind kind) => kind switch
    {
        PolicyKind.Mask or PolicyKind.TagMask => RangerPolicyTypes.DataMask,
        PolicyKind.Filter => RangerPolicyTypes.RowFilter,
        _ => RangerPolicyTypes.Access,
    };

    /// <summary>The kind of a Ranger policy from its service and type, or null when we do not support that pair.</summary>
    public static PolicyKind? Of(string service, int policyType) => (service, policyType) switch
    {
        (ResourceService, RangerPolicyTypes.Access) => PolicyKind.Access,
        (ResourceService, RangerPolicyTypes.DataMask) => PolicyKind.Mask,
        (ResourceService, RangerPolicyTypes.RowFilter) => PolicyKind.Filter,
        (TagService, RangerPolicyTypes.Access) => PolicyKind.TagAccess,
        (TagService, RangerPolicyTypes.DataMask) => PolicyKind.TagMask,
        _ => null,
    };

    /// <summary>The kind named by a route segment: access|mask|filter, or access|mask under <c>tag/</c>; 404 otherwise.</summary>
    public static PolicyKind FromRoute(string segment, bool tag) => (segment.ToLowerInvariant(), tag) switch
    {
        ("access", false) => PolicyKind.Access,
        ("mask", false) => PolicyKind.Mask,
        ("filter", false) => PolicyKind.Filter,
        ("access", true) => PolicyKind.TagAccess,
        ("mask", true) => PolicyKind.TagMask,
        _ => throw new NotFoundException("Policy kind", tag ? "tag/" + segment : segment),
    };
}
