namespace Iomete.Platform.Audit;

/// <summary>One audited request: who did what, where, and how it ended.</summary>
public sealed record AuditEvent(
    string Id,
    DateTimeOffset Timestamp,
    string? UserId,
    string? Username,
    string Method,
    string Path,
    int Status,
    bool Success,
    string? Domain,
    string? Function,
    string? ClientIp);
