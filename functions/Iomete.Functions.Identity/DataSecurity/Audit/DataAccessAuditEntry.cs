namespace Iomete.Functions.Identity.DataSecurity.Audit;

/// <summary>
/// One data-access decision, with the fields of Ranger's AuthzAuditEvent (IOMETE's <c>data_access_audit</c>).
/// </summary>
/// <param name="User">The user the decision was about.</param>
/// <param name="Enforcer">Who asked (Ranger's agent): <c>sql</c>, <c>iceberg-rest</c>, <c>event-stream</c>, ...</param>
/// <param name="Resource">The resource path <c>catalog.database.table.column</c> (as far as it goes).</param>
/// <param name="ResourceType">catalog, database, table or column.</param>
/// <param name="AccessType">Ranger's access type, e.g. <c>select</c>.</param>
public sealed record DataAccessAuditEntry(
    DateTimeOffset EventTime,
    string User,
    string Enforcer,
    string Resource,
    string ResourceType,
    string AccessType,
    bool Allowed)
{
    /// <summary>Left empty, the audit log assigns a time-ordered id.</summary>
    public string? Id { get; init; }

    public string? ClientIp { get; init; }

    /// <summary>The Ranger service: <c>iomete</c>.</summary>
    public string Repository { get; init; } = "iomete";

    /// <summary>What the user was doing, e.g. <c>QUERY</c> or <c>LOAD_TABLE</c>.</summary>
    public string? Action { get; init; }

    public long? PolicyId { get; init; }

    public long? PolicyVersion { get; init; }

    public string? Reason { get; init; }

    public string? SessionId { get; init; }

    /// <summary>Tags of the resource that took part in the decision.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
