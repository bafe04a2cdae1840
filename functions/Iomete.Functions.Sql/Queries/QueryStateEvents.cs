using Iomete.Platform.Messaging;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Sql.Queries;

/// <summary>
/// Publishes every committed status change of a query on <see cref="PlatformTopics.SqlQueries"/> (the console's live
/// query list and monitoring read them). The change is already stored, so a failed publish is logged, never thrown.
/// </summary>
public sealed partial class QueryStateEvents(IEventBus bus, TimeProvider clock, ILogger<QueryStateEvents> logger)
{
    public async Task PublishAsync(QueryStateRow row, string? previous, string status, CancellationToken ct)
    {
        try
        {
            await bus.PublishAsync(PlatformTopics.SqlQueries,
                new SqlQueryStateChanged(row.Domain, row.Id, row.UserId, row.Compute, previous, status, row.ErrorMessage, clock.GetUtcNow()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(ex, row.Id, status);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not publish the change of query {QueryId} to {Status}")]
    private partial void LogPublishFailed(Exception ex, string queryId, string status);
}

/// <summary>What a status change returns of the row (<c>UPDATE … RETURNING</c>): enough to describe the change.</summary>
public sealed class QueryStateRow
{
    public const string Returning = "RETURNING id AS Id, domain AS Domain, user_id AS UserId, compute AS Compute, status AS Status, error_message AS ErrorMessage";

    public string Id { get; set; } = "";
    public string Domain { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Compute { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ErrorMessage { get; set; }
}
