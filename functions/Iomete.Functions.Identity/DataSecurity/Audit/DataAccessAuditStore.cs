using System.Text.Json;
using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Http;

namespace Iomete.Functions.Identity.DataSecurity.Audit;

/// <param name="Allowed">true for ALLOWED, false for DENIED, null for both.</param>
public sealed record DataAccessAuditFilter(
    string? User, string? ResourcePrefix, string? AccessType, bool? Allowed, long? PolicyId, string? Enforcer, DateTimeOffset? From, DateTimeOffset? To);

public sealed record DataAccessAuditView(
    string Id,
    DateTimeOffset EventTime,
    string User,
    string? ClientIp,
    string Enforcer,
    string Repository,
    string Resource,
    string ResourceType,
    string AccessType,
    string? Action,
    string Result,
    bool Allowed,
    long? PolicyId,
    long? PolicyVersion,
    string? Reason,
    string? SessionId,
    IReadOnlyList<string> Tags);

/// <summary>The data-access audit table: batched inserts, filtered newest-first pages, retention purge.</summary>
public sealed class DataAccessAuditStore(IdentityDb db)
{
    public async Task InsertAsync(IReadOnlyList<DataAccessAuditEntry> entries, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO data_access_audit (id, event_time_ms, user_name, client_ip, enforcer, repository, resource, resource_type, access_type,
              action, allowed, policy_id, policy_version, reason, session_id, tags)
            VALUES (@Id, @EventTimeMs, @User, @ClientIp, @Enforcer, @Repository, @Resource, @ResourceType, @AccessType, @Action, @Allowed,
              @PolicyId, @PolicyVersion, @Reason, @SessionId, @Tags)
            """,
            entries.Select(e => new
            {
                e.Id, EventTimeMs = IdentityDb.Ms(e.EventTime), User = Cut(e.User, 255), e.ClientIp, Enforcer = Cut(e.Enforcer, 64),
                Repository = Cut(e.Repository, 64), Resource = Cut(e.Resource, 1024), ResourceType = Cut(e.ResourceType, 32),
                AccessType = Cut(e.AccessType, 64), Action = CutOrNull(e.Action, 128), e.Allowed, e.PolicyId, e.PolicyVersion,
                Reason = CutOrNull(e.Reason, 1024), SessionId = CutOrNull(e.SessionId, 128),
                Tags = e.Tags.Count == 0 ? null : CutOrNull(JsonSerializer.Serialize(e.Tags), 2000),
            }).ToList(),
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<Page<DataAccessAuditView>> ListAsync(DataAccessAuditFilter filter, ListQuery query, bool newestFirst, CancellationToken ct)
    {
        var where = new List<string>();
        void When(bool condition, string clause)
        {
            if (condition)
            {
                where.Add(clause);
            }
        }
        When(filter.User is not null, "user_name = @User");
        When(filter.ResourcePrefix is not null, "resource LIKE @Prefix ESCAPE '\\'");
        When(filter.AccessType is not null, "access_type = @AccessType");
        When(filter.Allowed is not null, "allowed = @Allowed");
        When(filter.PolicyId is not null, "policy_id = @PolicyId");
        When(filter.Enforcer is not null, "enforcer = @Enforcer");
        When(filter.From is not null, "event_time_ms >= @FromMs");
        When(filter.To is not null, "event_time_ms < @ToMs");
        var from = "FROM data_access_audit" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "");
        var args = new
        {
            filter.User, Prefix = filter.ResourcePrefix is null ? null : Escape(filter.ResourcePrefix) + "%", filter.AccessType, filter.Allowed,
            filter.PolicyId, filter.Enforcer, FromMs = filter.From?.ToUnixTimeMilliseconds(), ToMs = filter.To?.ToUnixTimeMilliseconds(),
            query.Limit, query.Offset,
        };
        var order = newestFirst ? "event_time_ms DESC, id DESC" : "event_time_ms ASC, id ASC";
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) {from}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
             SELECT id AS Id, event_time_ms AS EventTimeMs, user_name AS UserName, client_ip AS ClientIp, enforcer AS Enforcer,
               repository AS Repository, resource AS Resource, resource_type AS ResourceType, access_type AS AccessType, action AS Action,
               allowed AS Allowed, policy_id AS PolicyId, policy_version AS PolicyVersion, reason AS Reason, session_id AS SessionId, tags AS Tags
             {from} ORDER BY {order} LIMIT @Limit OFFSET @Offset
             """, args, cancellationToken: ct));
        return new Page<DataAccessAuditView>(rows.Select(r => r.ToView()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Deletes entries older than <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM data_access_audit WHERE event_time_ms < @ms", new { ms = IdentityDb.Ms(before) }, cancellationToken: ct));
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Cut(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];

    private static string? CutOrNull(string? text, int max) => text is null ? null : Cut(text, max);

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public long EventTimeMs { get; init; }
        public string UserName { get; init; } = "";
        public string? ClientIp { get; init; }
        public string Enforcer { get; init; } = "";
        public string Repository { get; init; } = "";
        public string Resource { get; init; } = "";
        public string ResourceType { get; init; } = "";
        public string AccessType { get; init; } = "";
        public string? Action { get; init; }
        public bool Allowed { get; init; }
        public long? PolicyId { get; init; }
        public long? PolicyVersion { get; init; }
        public string? Reason { get; init; }
        public string? SessionId { get; init; }
        public string? Tags { get; init; }

        public DataAccessAuditView ToView() => new(Id, IdentityDb.At(EventTimeMs), UserName, ClientIp, Enforcer, Repository, Resource, ResourceType,
            AccessType, Action, Allowed ? "ALLOWED" : "DENIED", Allowed, PolicyId, PolicyVersion, Reason, SessionId,
            Tags is null ? [] : JsonSerializer.Deserialize<List<string>>(Tags) ?? []);
    }
}
