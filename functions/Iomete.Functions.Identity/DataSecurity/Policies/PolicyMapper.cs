using Iomete.DataSecurity.Decisions;
using Iomete.DataSecurity.Model;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>IOMETE's API shape ↔ Ranger's policy model. <see cref="ToRanger"/> expects a body that passed <see cref="PolicyValidator"/>.</summary>
public static class PolicyMapper
{
    public const string Normal = "NORMAL";
    public const string Override = "OVERRIDE";
    public const string Include = "INCLUDE";
    public const string Exclude = "EXCLUDE";

    /// <param name="basis">The stored policy an update starts from, so that Ranger fields the API does not show survive.</param>
    public static RangerPolicy ToRanger(PolicyKind kind, DataPolicyBody body, RangerPolicy? basis = null)
    {
        var resources = (body.Resources ?? []).Select(r => Resource(kind, r)).ToList();
        var policy = basis ?? new RangerPolicy();
        return policy with
        {
            Id = 0,
            Version = null,
            Service = kind.Service(),
            Name = body.Name!.Trim(),
            Description = body.Description,
            PolicyType = kind.PolicyType(),
            PolicyPriority = body.Priority == Override ? RangerPolicyPriorities.Override : RangerPolicyPriorities.Normal,
            IsEnabled = body.IsEnabled ?? true,
            IsAuditEnabled = body.IsAuditEnabled ?? true,
            Resources = resources.Count > 0 ? resources[0] : [],
            AdditionalResources = resources.Skip(1).ToList(),
            PolicyItems = kind.IsAccess() ? Items(body.AllowPolicyItems) : [],
            AllowExceptions = kind.IsAccess() ? Items(body.AllowExceptions) : [],
            DenyPolicyItems = kind.IsAccess() ? Items(body.DenyPolicyItems) : [],
            DenyExceptions = kind.IsAccess() ? Items(body.DenyExceptions) : [],
            DataMaskPolicyItems = kind.IsMask() ? (body.DataMaskPolicyItems ?? []).Select(MaskItem).ToList() : [],
            RowFilterPolicyItems = kind == PolicyKind.Filter ? (body.RowFilterPolicyItems ?? []).Select(FilterItem).ToList() : [],
            ValiditySchedules = Periods(body).Select(p => new RangerValiditySchedule
            {
                StartTime = Blank(p.StartTime), EndTime = Blank(p.EndTime), TimeZone = Blank(p.TimeZone),
            }).ToList(),
            IsDenyAllElse = kind.IsAccess() && body.IsDenyAllElse == true,
        };
    }

    public static DataPolicyBody ToBody(StoredPolicy stored) => ToBody(stored.Kind, stored.Policy) with
    {
        Id = stored.Id,
        Version = stored.Version,
        Domain = stored.Domain,
        CreatedBy = stored.CreatedBy,
        CreatedAt = stored.CreatedAt,
        UpdatedBy = stored.UpdatedBy,
        UpdatedAt = stored.UpdatedAt,
    };

    public static DataPolicyBody ToBody(PolicyKind kind, RangerPolicy policy)
    {
        var periods = policy.ValiditySchedules
            .Select(s => new ValidityPeriodBody { StartTime = s.StartTime, EndTime = s.EndTime, TimeZone = s.TimeZone }).ToList();
        var resources = new[] { policy.Resources }.Concat(policy.AdditionalResources)
            .Where(r => r.Count > 0).Select(r => ResourceBody(kind, r)).ToList();
        return new DataPolicyBody
        {
            Name = policy.Name,
            Description = policy.Description,
            IsEnabled = policy.IsEnabled,
            Priority = policy.PolicyPriority == RangerPolicyPriorities.Override ? Override : Normal,
            IsAuditEnabled = policy.IsAuditEnabled,
            ValidityPeriod = periods.FirstOrDefault(),
            ValidityPeriods = periods.Count > 1 ? periods : null,
            Resources = resources,
            AllowPolicyItems = kind.IsAccess() ? ItemBodies(policy.PolicyItems) : null,
            AllowExceptions = kind.IsAccess() ? ItemBodies(policy.AllowExceptions) : null,
            DenyPolicyItems = kind.IsAccess() ? ItemBodies(policy.DenyPolicyItems) : null,
            DenyExceptions = kind.IsAccess() ? ItemBodies(policy.DenyExceptions) : null,
            DataMaskPolicyItems = kind.IsMask() ? policy.DataMaskPolicyItems.Select(MaskBody).ToList() : null,
            RowFilterPolicyItems = kind == PolicyKind.Filter ? policy.RowFilterPolicyItems.Select(FilterBody).ToList() : null,
            IsDenyAllElse = kind.IsAccess() ? policy.IsDenyAllElse : null,
        };
    }

    /// <summary>The validity periods of a body: <c>validityPeriod</c> and <c>validityPeriods</c> together, without repeats.</summary>
    public static List<ValidityPeriodBody> Periods(DataPolicyBody body) =>
        (body.ValidityPeriod is null ? [] : new List<ValidityPeriodBody> { body.ValidityPeriod })
        .Concat(body.ValidityPeriods ?? []).Distinct().ToList();

    public static Dictionary<string, RangerPolicyResource> Resource(PolicyKind kind, PolicyResourceBody body)
    {
        var resource = new Dictionary<string, RangerPolicyResource>(StringComparer.Ordinal);
        if (kind.IsTag())
        {
            Add(resource, "tag", body.Tags, null);
            return resource;
        }
        Add(resource, "database", body.Databases, body.DatabasesInclusionType ?? body.DatabaseInclusionType);
        Add(resource, "table", body.Tables, body.TablesInclusionType ?? body.TableInclusionType);
        Add(resource, "column", body.Columns, body.ColumnsInclusionType ?? body.ColumnInclusionType);
        return resource;
    }

    public static PolicyResourceBody ResourceBody(PolicyKind kind, Dictionary<string, RangerPolicyResource> resource)
    {
        List<string>? Values(string key) => resource.TryGetValue(key, out var r) ? [.. r.Values] : null;
        string? Inclusion(string key) =>
            kind == PolicyKind.Access && resource.TryGetValue(key, out var r) ? (r.IsExcludes ? Exclude : Include) : null;
        return kind.IsTag()
            ? new PolicyResourceBody { Tags = Values("tag") }
            : new PolicyResourceBody
            {
                Databases = Values("database"),
                Tables = Values("table"),
                Columns = Values("column"),
                DatabasesInclusionType = Inclusion("database"),
                TablesInclusionType = Inclusion("table"),
                ColumnsInclusionType = Inclusion("column"),
            };
    }

    public static RangerPolicyItem Item(PolicyItemBody body) => new()
    {
        Users = Names(body.Users),
        Groups = Names(body.Groups),
        Roles = Names(body.Roles),
        Accesses = (body.Accesses ?? []).Select(a => a.Trim().ToLowerInvariant()).Distinct()
            .Select(a => new RangerPolicyItemAccess { Type = a, IsAllowed = true }).ToList(),
        DelegateAdmin = body.DelegateAdmin == true,
    };

    public static PolicyItemBody ItemBody(RangerPolicyItem item) => new()
    {
        Users = [.. item.Users],
        Groups = [.. item.Groups],
        Roles = [.. item.Roles],
        Accesses = item.Accesses.Where(a => a.IsAllowed).Select(a => a.Type.ToUpperInvariant()).ToList(),
        DelegateAdmin = item.DelegateAdmin,
    };

    public static RangerDataMaskPolicyItem MaskItem(DataMaskItemBody body) => new()
    {
        Users = Names(body.Users),
        Groups = Names(body.Groups),
        Roles = Names(body.Roles),
        Accesses = [new RangerPolicyItemAccess { Type = DataAccessTypes.Select, IsAllowed = true }],
        DataMaskInfo = new RangerPolicyItemDataMaskInfo
        {
            DataMaskType = body.DataMaskType!.Trim().ToUpperInvariant(),
            ConditionExpr = Blank(body.ConditionExpr),
            ValueExpr = body.DataMaskType!.Trim().Equals("CUSTOM", StringComparison.OrdinalIgnoreCase) ? body.DataMaskCustomExpr : null,
        },
    };

    public static DataMaskItemBody MaskBody(RangerDataMaskPolicyItem item) => new()
    {
        Users = [.. item.Users],
        Groups = [.. item.Groups],
        Roles = [.. item.Roles],
        DataMaskType = item.DataMaskInfo.DataMaskType,
        DataMaskCustomExpr = item.DataMaskInfo.ValueExpr,
        ConditionExpr = item.DataMaskInfo.ConditionExpr,
    };

    public static RangerRowFilterPolicyItem FilterItem(RowFilterItemBody body) => new()
    {
        Users = Names(body.Users),
        Groups = Names(body.Groups),
        Roles = Names(body.Roles),
        Accesses = [new RangerPolicyItemAccess { Type = DataAccessTypes.Select, IsAllowed = true }],
        RowFilterInfo = new RangerPolicyItemRowFilterInfo { FilterExpr = body.FilterExpr?.Trim() },
    };

    public static RowFilterItemBody FilterBody(RangerRowFilterPolicyItem item) => new()
    {
        Users = [.. item.Users],
        Groups = [.. item.Groups],
        Roles = [.. item.Roles],
        FilterExpr = item.RowFilterInfo.FilterExpr,
    };

    private static List<RangerPolicyItem> Items(List<PolicyItemBody>? items) => (items ?? []).Select(Item).ToList();

    private static List<PolicyItemBody> ItemBodies(List<RangerPolicyItem> items) => items.Select(ItemBody).ToList();

    private static List<string> Names(List<string>? names) =>
        (names ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static void Add(Dictionary<string, RangerPolicyResource> resource, string key, List<string>? values, string? inclusion)
    {
        var list = Names(values);
        if (list.Count > 0)
        {
            resource[key] = new RangerPolicyResource
            {
                Values = list,
                IsExcludes = string.Equals(inclusion?.Trim(), Exclude, StringComparison.OrdinalIgnoreCase),
            };
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
