using Iomete.Platform.Errors;

namespace Iomete.Functions.Sql.Queries;

/// <summary>SUBMITTED → CANCELLED, or RUNNING → CANCELLING → CANCELLED with the engine call interrupted at once.</summary>
public sealed class QueryCanceller(QueryStore store, QueryRunner runner)
{
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(2);

    /// <summary>Cancels the query on behalf of <paramref name="cancelledBy"/>; 409 when it has ended already.</summary>
    public async Task<QueryRow> CancelAsync(QueryRow row, string cancelledBy, CancellationToken ct)
    {
        var id = row.Id;
        if (row.ParsedStatus == QueryStatus.Submitted && await store.TryCancelQueuedAsync(id, cancelledBy, ct))
        {
            // The runner's SUBMITTED → RUNNING swap now fails, so the query never starts.
            runner.Cancel(id);
        }
        else
        {
            if (!await store.TryRequestCancelAsync(id, cancelledBy, ct))
            {
                var now = await store.FindAsync(id, ct);
                if (now is not null && now.ParsedStatus != QueryStatus.Cancelling)
                {
                    throw new ConflictException($"Query '{id}' is {QueryStatuses.Code(now.ParsedStatus)} and cannot be cancelled.");
                }
            }
            if (runner.Cancel(id))
            {
                await runner.WaitAsync(id, SettleWait, ct);
            }
            else
            {
                // Not running in this process: nothing to interrupt.
                await store.TryCancelledAsync(id, ct);
            }
        }
        return await store.FindAsync(id, ct) ?? throw new NotFoundException("Query", id);
    }
}
