using Dapper;

namespace Iomete.Functions.Sql.Queries;

public sealed partial class QueryStore
{
    /// <summary>How long a query ran, or has been running (<c>@Now</c> must be bound).</summary>
    public const string DurationSql = "(COALESCE(finished_ms, @Now) - COALESCE(started_ms, finished_ms, @Now))";

    /// <summary>Deletes finished query records submitted before <paramref name="beforeMs"/>; returns how many.</summary>
    public async Task<int> PurgeFinishedAsync(long beforeMs, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sql_queries WHERE submitted_ms < @Before AND status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'RESULT_EXPIRED') AND result_key IS NULL",
            new { Before = beforeMs }, cancellationToken: ct));
    }
}
