using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Http;
using Iomete.Platform.Time;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>What happened to a cluster (the Activity tab).</summary>
public enum ComputeActivityKind
{
    Start,
    Terminate,
    Restart,
    Configure,
    AutoSuspend,
    AutoRestart,
    Failure,
}

/// <param name="UserId">Who asked; null for the platform itself (auto-suspend, auto-restart, failures).</param>
public sealed record ComputeActivity(string Id, ComputeActivityKind Action, string? UserId, string? Message, DateTimeOffset At);

/// <summary>The activity log of compute clusters, newest first.</summary>
public sealed class ComputeActivityLog(IMetadataDb db, IIdGenerator ids, TimeProvider clock)
{
    public async Task RecordAsync(string clusterId, ComputeActivityKind action, string? userId, string? message, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO compute_activities (id, cluster_id, action, user_id, message, at_ms) VALUES (@Id, @ClusterId, @Action, @UserId, @Message, @At)",
            new
            {
                Id = ids.NewId(), ClusterId = clusterId, Action = Stored(action), UserId = userId, Message = message,
                At = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            cancellationToken: ct));
    }

    public async Task<Page<ComputeActivity>> ListAsync(string clusterId, int offset, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ClustersRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM compute_activities WHERE cluster_id = @ClusterId", new { ClusterId = clusterId }, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, action AS Action, user_id AS UserId, message AS Message, at_ms AS AtMs FROM compute_activities " +
            "WHERE cluster_id = @ClusterId ORDER BY at_ms DESC, id DESC LIMIT @Limit OFFSET @Offset",
            new { ClusterId = clusterId, Limit = limit, Offset = offset }, cancellationToken: ct));
        var items = rows.Select(r => new ComputeActivity(
            r.Id, Enum.Parse<ComputeActivityKind>(r.Action.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
            r.UserId, r.Message, DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs))).ToList();
        return new Page<ComputeActivity>(items, total, offset, limit);
    }

    private static string Stored(ComputeActivityKind kind) => kind switch
    {
        ComputeActivityKind.AutoSuspend => "AUTO_SUSPEND",
        ComputeActivityKind.AutoRestart => "AUTO_RESTART",
        _ => kind.ToString().ToUpperInvariant(),
    };

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Action { get; set; } = "";
        public string? UserId { get; set; }
        public string? Message { get; set; }
        public long AtMs { get; set; }
    }
}
