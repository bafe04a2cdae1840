using Iomete.Platform.Security;

namespace Iomete.DataSecurity.Decisions;

/// <summary>
/// The policy decision point every enforcement point asks (the SQL service and embedded engine, the Iceberg REST
/// catalog, event-stream ingestion). Implemented by the Identity service over its policy store; decisions are
/// cached per user and resource, invalidated when a policy changes, and audited.
/// </summary>
public interface IDataAccessDecider
{
    /// <summary>May the caller perform <see cref="DataAccessRequest.AccessType"/> on the resource?</summary>
    ValueTask<DataAccessDecision> CheckAsync(DataAccessRequest request, CancellationToken ct);

    /// <summary>
    /// What the caller may see when reading a table with <paramref name="columns"/>: the table-level select decision,
    /// the row filter (already with <c>{USER}</c>/<c>${{USER.x}}</c> expanded), a mask per masked column and the
    /// columns the caller may not select at all.
    /// </summary>
    ValueTask<TableReadPolicy> ReadPolicyAsync(TableReadRequest request, CancellationToken ct);
}

/// <param name="Enforcer">Who asks: <c>sql</c>, <c>iceberg-rest</c>, <c>event-stream</c>, ...; recorded in the audit.</param>
/// <param name="Action">What the caller was doing, e.g. <c>LOAD_TABLE</c> or <c>QUERY</c>; recorded in the audit.</param>
public sealed record DataAccessRequest(
    Caller Caller,
    DataResource Resource,
    string AccessType,
    string Enforcer,
    string? Action = null,
    string? ClientIp = null,
    string? ResourceOwner = null,
    bool Audit = true);

public sealed record TableReadRequest(
    Caller Caller,
    DataResource Table,
    IReadOnlyList<string> Columns,
    string Enforcer,
    string? Action = null,
    string? ClientIp = null,
    string? ResourceOwner = null);

/// <param name="PolicyId">The policy that decided (null when none matched or the caller is a super user).</param>
/// <param name="Reason">A short human reason, e.g. <c>denied by policy 12</c>, <c>no policy allows select</c>, <c>super user</c>.</param>
public sealed record DataAccessDecision(bool Allowed, long? PolicyId, long? PolicyVersion, string Reason)
{
    public static DataAccessDecision SuperUser { get; } = new(true, null, null, "super user");
}

/// <param name="MaskType">Ranger's mask type name (MASK, MASK_SHOW_LAST_4, ..., CUSTOM).</param>
/// <param name="ValueExpr">For CUSTOM: the SQL with <c>{col}</c> still in it.</param>
/// <param name="Condition">Ranger's <c>conditionExpr</c>: when present, the mask applies only to rows where it is true.</param>
public sealed record ColumnMask(string MaskType, string? ValueExpr, string? Condition, long PolicyId);

/// <param name="Access">The table-level select decision; when not allowed nothing else applies.</param>
/// <param name="RowFilter">A boolean SQL expression over the table's columns, or null for every row.</param>
/// <param name="Masks">Column name (as given in the request) → mask; MASK_NONE never appears.</param>
/// <param name="DeniedColumns">Columns of the request the caller may not select.</param>
public sealed record TableReadPolicy(
    DataAccessDecision Access,
    string? RowFilter,
    long? RowFilterPolicyId,
    IReadOnlyDictionary<string, ColumnMask> Masks,
    IReadOnlySet<string> DeniedColumns)
{
    public bool IsUnrestricted => Access.Allowed && RowFilter is null && Masks.Count == 0 && DeniedColumns.Count == 0;

    public static TableReadPolicy Full(DataAccessDecision access) =>
        new(access, null, null, new Dictionary<string, ColumnMask>(), new HashSet<string>());
}
