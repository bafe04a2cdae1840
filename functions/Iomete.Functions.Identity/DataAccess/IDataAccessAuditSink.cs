namespace Iomete.Functions.Identity.DataAccess;

/// <summary>Where data-access decisions are recorded (never blocks the decision).</summary>
public interface IDataAccessAuditSink
{
    void Record(DataAccessAuditRecord record);
}

/// <summary>One decision, with the fields of Ranger's audit event that apply.</summary>
public sealed record DataAccessAuditRecord(
    DateTimeOffset EventTime,
    string User,
    string? ClientIp,
    string Enforcer,
    string Resource,
    string ResourceType,
    string AccessType,
    string? Action,
    bool Allowed,
    long? PolicyId,
    long? PolicyVersion,
    string Reason,
    IReadOnlyList<string> Tags);
