using Iomete.Platform.Http;

namespace Iomete.Platform.Audit;

/// <summary>The platform's event log of mutating requests and authorization denials.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken ct);

    Task<Page<AuditEvent>> QueryAsync(AuditQuery query, CancellationToken ct);
}

/// <summary>Filters for the audit log; all optional; newest first.</summary>
public sealed record AuditQuery(
    string? UserId,
    string? Username,
    string? Method,
    string? PathPrefix,
    bool? Success,
    string? Domain,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Offset,
    int Limit);
