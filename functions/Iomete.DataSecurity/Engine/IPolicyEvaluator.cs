using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// Ranger's policy engine over one immutable <see cref="PolicySnapshot"/>: access, data-mask and row-filter
/// evaluation with Ranger's evaluation order and precedence (super users, tag policies before resource policies,
/// OVERRIDE before NORMAL, deny before allow, exceptions, deny-all-else, validity schedules, roles, macros).
/// Thread-safe; build a new one when the policies change.
/// </summary>
public interface IPolicyEvaluator
{
    long Version { get; }

    AccessOutcome Access(PolicyRequest request);

    /// <summary>The mask for the column named in the request's resource (MASK_NONE or null type = unmasked).</summary>
    MaskOutcome Mask(PolicyRequest request);

    /// <summary>The row filter for the table named in the request's resource (null expression = every row).</summary>
    RowFilterOutcome RowFilter(PolicyRequest request);
}

/// <summary>Everything the engine decides over: resource and tag policies, roles, super users and groups.</summary>
public sealed record PolicySnapshot(
    long Version,
    IReadOnlyList<RangerPolicy> ResourcePolicies,
    IReadOnlyList<RangerPolicy> TagPolicies,
    IReadOnlyList<RangerRole> Roles,
    IReadOnlySet<string> SuperUsers,
    IReadOnlySet<string> SuperGroups);

/// <param name="Roles">Roles the caller holds directly (besides those the snapshot's roles give them).</param>
/// <param name="Attributes">User attributes for <c>${{USER.name}}</c> macros.</param>
public sealed record PolicyUser(
    string Name,
    IReadOnlySet<string> Groups,
    IReadOnlySet<string> Roles,
    IReadOnlyDictionary<string, string> Attributes);

/// <param name="MatchType">SELF, DESCENDANT, ANCESTOR or SELF_AND_ALL_DESCENDANTS.</param>
public sealed record ResourceTag(string Type, IReadOnlyDictionary<string, string> Attributes, string MatchType = "SELF");

/// <param name="Resource">Resource name → value, e.g. database → <c>spark_catalog.sales</c>, table, column.</param>
/// <param name="AccessType">A Ranger access type such as <c>select</c>, or <c>_any</c>.</param>
public sealed record PolicyRequest(
    IReadOnlyDictionary<string, string> Resource,
    string AccessType,
    PolicyUser User,
    DateTimeOffset AccessTime,
    string? ClientIp = null,
    string? ResourceOwner = null,
    IReadOnlyList<ResourceTag>? Tags = null);

/// <param name="PolicyId">The deciding policy, -1 when none.</param>
public sealed record AccessOutcome(bool IsAllowed, bool IsAudited, long PolicyId, long? PolicyVersion, string Reason);

/// <param name="MaskedValue">For CUSTOM: the value expression; otherwise the service definition's transformer or null.</param>
public sealed record MaskOutcome(string? MaskType, string? MaskCondition, string? MaskedValue, long PolicyId, long? PolicyVersion);

public sealed record RowFilterOutcome(string? FilterExpr, long PolicyId, long? PolicyVersion);
