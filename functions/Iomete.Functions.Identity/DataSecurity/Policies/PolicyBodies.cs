namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>
/// A data-security policy in IOMETE's API shape (request and response). Access policies use the four item lists,
/// mask policies <see cref="DataMaskPolicyItems"/>, row-filter policies <see cref="RowFilterPolicyItems"/>.
/// Server-set fields (id, version, createdBy, ...) in a request are ignored, except <see cref="Version"/> on PUT.
/// </summary>
public sealed record DataPolicyBody
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public bool? IsEnabled { get; init; }

    /// <summary>NORMAL or OVERRIDE.</summary>
    public string? Priority { get; init; }

    public bool? IsAuditEnabled { get; init; }
    public ValidityPeriodBody? ValidityPeriod { get; init; }

    /// <summary>Several validity periods (the UI's form); accepted besides <see cref="ValidityPeriod"/>.</summary>
    public List<ValidityPeriodBody>? ValidityPeriods { get; init; }

    public List<PolicyResourceBody>? Resources { get; init; }
    public List<PolicyItemBody>? AllowPolicyItems { get; init; }
    public List<PolicyItemBody>? AllowExceptions { get; init; }
    public List<PolicyItemBody>? DenyPolicyItems { get; init; }
    public List<PolicyItemBody>? DenyExceptions { get; init; }
    public List<DataMaskItemBody>? DataMaskPolicyItems { get; init; }
    public List<RowFilterItemBody>? RowFilterPolicyItems { get; init; }
    public bool? IsDenyAllElse { get; init; }

    /// <summary>Compare-and-swap: a PUT with a stale version is answered 409.</summary>
    public long? Version { get; init; }

    /// <summary>The domain a domain-scoped route created it in (read only).</summary>
    public string? Domain { get; init; }

    public string? CreatedBy { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? UpdatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>
/// One resource set: databases as <c>catalog.database</c>, tables, columns (wildcards <c>*</c> and <c>?</c> in access
/// policies), or tags for tag policies. Inclusion types INCLUDE (default) or EXCLUDE; the singular spellings are accepted too.
/// </summary>
public sealed record PolicyResourceBody
{
    public List<string>? Databases { get; init; }
    public List<string>? Tables { get; init; }
    public List<string>? Columns { get; init; }
    public List<string>? Tags { get; init; }
    public string? DatabasesInclusionType { get; init; }
    public string? TablesInclusionType { get; init; }
    public string? ColumnsInclusionType { get; init; }
    public string? DatabaseInclusionType { get; init; }
    public string? TableInclusionType { get; init; }
    public string? ColumnInclusionType { get; init; }
}

/// <summary>An allow/deny item or exception: who (users, groups, roles) and which accesses (ALL, SELECT, ...).</summary>
public sealed record PolicyItemBody
{
    public List<string>? Users { get; init; }
    public List<string>? Groups { get; init; }
    public List<string>? Roles { get; init; }
    public List<string>? Accesses { get; init; }
    public bool? DelegateAdmin { get; init; }
}

/// <summary>A masking condition: who, the mask type, CUSTOM's expression with <c>{col}</c>, an optional row condition.</summary>
public sealed record DataMaskItemBody
{
    public List<string>? Users { get; init; }
    public List<string>? Groups { get; init; }
    public List<string>? Roles { get; init; }
    public string? DataMaskType { get; init; }
    public string? DataMaskCustomExpr { get; init; }
    public string? ConditionExpr { get; init; }
}

/// <summary>A row-filter condition: who and the boolean SQL expression that selects their rows.</summary>
public sealed record RowFilterItemBody
{
    public List<string>? Users { get; init; }
    public List<string>? Groups { get; init; }
    public List<string>? Roles { get; init; }
    public string? FilterExpr { get; init; }
}

/// <summary>Times as <c>YYYY/MM/DD HH:mm:ss</c> in <see cref="TimeZone"/> (an IANA or Windows id; UTC when absent).</summary>
public sealed record ValidityPeriodBody
{
    public string? StartTime { get; init; }
    public string? EndTime { get; init; }
    public string? TimeZone { get; init; }
}
