using System.Text.Json.Serialization;

namespace Iomete.DataSecurity.Model;

/// <summary>
/// A policy in Apache Ranger's model, with Ranger's JSON field names so that Ranger's policy JSON imports and exports
/// unchanged. <c>policyType</c>: 0 access, 1 data mask, 2 row filter. <c>policyPriority</c>: 0 NORMAL, 1 OVERRIDE.
/// </summary>
public sealed record RangerPolicy
{
    public long Id { get; init; }

    public string? Guid { get; init; }

    public string Service { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public int PolicyType { get; init; }

    public int PolicyPriority { get; init; }

    public bool IsEnabled { get; init; } = true;

    public bool IsAuditEnabled { get; init; } = true;

    public long? Version { get; init; }

    /// <summary>Resource name (e.g. <c>database</c>, <c>table</c>, <c>column</c>, <c>tag</c>) → values.</summary>
    public Dictionary<string, RangerPolicyResource> Resources { get; init; } = [];

    /// <summary>More resource sets the policy applies to, each matched like <see cref="Resources"/>.</summary>
    public List<Dictionary<string, RangerPolicyResource>> AdditionalResources { get; init; } = [];

    public List<RangerPolicyItem> PolicyItems { get; init; } = [];

    public List<RangerPolicyItem> DenyPolicyItems { get; init; } = [];

    public List<RangerPolicyItem> AllowExceptions { get; init; } = [];

    public List<RangerPolicyItem> DenyExceptions { get; init; } = [];

    public List<RangerDataMaskPolicyItem> DataMaskPolicyItems { get; init; } = [];

    public List<RangerRowFilterPolicyItem> RowFilterPolicyItems { get; init; } = [];

    public List<RangerValiditySchedule> ValiditySchedules { get; init; } = [];

    public List<RangerPolicyItemCondition> Conditions { get; init; } = [];

    public bool IsDenyAllElse { get; init; }

    public List<string> PolicyLabels { get; init; } = [];

    public string? ZoneName { get; init; }
}

public static class RangerPolicyTypes
{
    public const int Access = 0;
    public const int DataMask = 1;
    public const int RowFilter = 2;
}

public static class RangerPolicyPriorities
{
    public const int Normal = 0;
    public const int Override = 1;
}

public sealed record RangerPolicyResource
{
    public List<string> Values { get; init; } = [];

    public bool IsExcludes { get; init; }

    public bool IsRecursive { get; init; }
}

public sealed record RangerPolicyItemAccess
{
    public string Type { get; init; } = "";

    public bool IsAllowed { get; init; } = true;
}

public sealed record RangerPolicyItemCondition
{
    public string Type { get; init; } = "";

    public List<string> Values { get; init; } = [];
}

/// <summary>An allow, deny or exception item: who (users, groups, roles) may do what (accesses).</summary>
public record RangerPolicyItem
{
    public List<RangerPolicyItemAccess> Accesses { get; init; } = [];

    public List<string> Users { get; init; } = [];

    public List<string> Groups { get; init; } = [];

    public List<string> Roles { get; init; } = [];

    public List<RangerPolicyItemCondition> Conditions { get; init; } = [];

    public bool DelegateAdmin { get; init; }
}

public sealed record RangerDataMaskPolicyItem : RangerPolicyItem
{
    public RangerPolicyItemDataMaskInfo DataMaskInfo { get; init; } = new();
}

public sealed record RangerRowFilterPolicyItem : RangerPolicyItem
{
    public RangerPolicyItemRowFilterInfo RowFilterInfo { get; init; } = new();
}

/// <param name="DataMaskType">MASK, MASK_SHOW_LAST_4, MASK_SHOW_FIRST_4, MASK_HASH, MASK_NULL, MASK_NONE, MASK_DATE_SHOW_YEAR, CUSTOM.</param>
public sealed record RangerPolicyItemDataMaskInfo
{
    public string? DataMaskType { get; init; }

    public string? ConditionExpr { get; init; }

    /// <summary>For CUSTOM: SQL with <c>{col}</c> standing for the column.</summary>
    public string? ValueExpr { get; init; }
}

public sealed record RangerPolicyItemRowFilterInfo
{
    public string? FilterExpr { get; init; }
}

/// <summary>A period when the policy applies; times are <c>yyyy/MM/dd HH:mm:ss</c> in <see cref="TimeZone"/> (UTC when absent).</summary>
public sealed record RangerValiditySchedule
{
    public string? StartTime { get; init; }

    public string? EndTime { get; init; }

    public string? TimeZone { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<System.Text.Json.Nodes.JsonObject>? Recurrences { get; init; }
}

/// <summary>A Ranger role: users, groups and other roles that policy items can name in <c>roles</c>.</summary>
public sealed record RangerRole
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public List<RangerRoleMember> Users { get; init; } = [];

    public List<RangerRoleMember> Groups { get; init; } = [];

    public List<RangerRoleMember> Roles { get; init; } = [];
}

public sealed record RangerRoleMember
{
    public string Name { get; init; } = "";

    public bool IsAdmin { get; init; }
}
