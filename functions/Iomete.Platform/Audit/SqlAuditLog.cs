using System.Text;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Http;

namespace Iomete.Platform.Audit;

internal sealed class SqlAuditLog(IMetadataDb db) : IAuditLog
{
    public async Task RecordAsync(AuditEvent e, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(AuditDatabase.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_events (id, ts_ms, user_id, username, method, path, status, success, domain, function, client_ip)
            VALUES (@Id, @Ts, @UserId, @Username, @Method, @Path, @Status, @Success, @Domain, @Function, @ClientIp)
            """,
            new
            {
                e.Id, Ts = e.Timestamp.ToUnixTimeMilliseconds(), e.UserId, e.Username, e.Method,
                Path = e.Path.Length > 2048 ? e.Path[..2048] : e.Path, e.Status, e.Success, e.Domain, e.Function, e.ClientIp,
            },
            cancellationToken: ct));
    }

    public async Task<Page<AuditEvent>> QueryAsync(AuditQuery q, CancellationToken ct)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var args = new DynamicParameters();
        void Add(string clause, string name, object? value)
        {
            if (value is null)
            {
                return;
            }
            where.Append(" AND ").Append(clause);
            args.Add(name, value);
        }
        Add("user_id = @UserId", "UserId", q.UserId);
        Add("LOWER(username) = @Username", "Username", q.Username?.ToLowerInvariant());
        Add("method = @Method", "Method", q.Method?.ToUpperInvariant());
        // A prefix compare, not LIKE: '_' and '%' in paths are literal, and SQLite's LIKE ignores case.
        Add("SUBSTR(path, 1, @PathPrefixLength) = @PathPrefix", "PathPrefix", q.PathPrefix);
        if (q.PathPrefix is not null)
        {
            args.Add("PathPrefixLength", q.PathPrefix.Length);
        }
        Add("success = @Success", "Success", q.Success);
        Add("domain = @Domain", "Domain", q.Domain);
        Add("ts_ms >= @From", "From", q.From?.ToUnixTimeMilliseconds());
        Add("ts_ms < @To", "To", q.To?.ToUnixTimeMilliseconds());
        args.Add("Limit", q.Limit);
        args.Add("Offset", q.Offset);

        await using var connection = await db.OpenAsync(AuditDatabase.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM audit_events {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT id, ts_ms AS TsMs, user_id AS UserId, username, method, path, status, success, domain, function, client_ip AS ClientIp FROM audit_events {where} ORDER BY ts_ms DESC, id DESC LIMIT @Limit OFFSET @Offset",
            args, cancellationToken: ct));
        var items = rows.Select(r => new AuditEvent(r.Id, DateTimeOffset.FromUnixTimeMilliseconds(r.TsMs), r.UserId, r.Username,
            r.Method, r.Path, r.Status, r.Success, r.Domain, r.Function, r.ClientIp)).ToList();
        return new Page<AuditEvent>(items, total, q.Offset, q.Limit);
    }

    // Settable properties, not a positional record: Dapper matches constructors by exact column
    // types, and SQLite hands back every integer (status, success) as Int64.
    private sealed class Row
    {
        public string Id { get; set; } = "";
        public long TsMs { get; set; }
        public string? UserId { get; set; }
        public string? Username { get; set; }
        public string Method { get; set; } = "";
        public string Path { get; set; } = "";
        public int Status { get; set; }
        public bool Success { get; set; }
        public string? Domain { get; set; }
        public string? Function { get; set; }
        public string? ClientIp { get; set; }
    }
}
