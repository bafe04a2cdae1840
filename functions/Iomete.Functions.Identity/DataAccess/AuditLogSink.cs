using Iomete.Functions.Identity.DataSecurity.Audit;

namespace Iomete.Functions.Identity.DataAccess;

/// <summary>Decisions go to the data-access audit log (queued, written in batches).</summary>
internal sealed class AuditLogSink(DataAccessAuditLog log) : IDataAccessAuditSink
{
    public void Record(DataAccessAuditRecord record) => log.Record(
        new DataAccessAuditEntry(record.EventTime, record.User, record.Enforcer, record.Resource, record.ResourceType, record.AccessType, record.Allowed)
        {
            ClientIp = record.ClientIp,
            Action = record.Action,
            PolicyId = record.PolicyId,
            PolicyVersion = record.PolicyVersion,
            Reason = record.Reason,
            Tags = record.Tags,
        });
}
