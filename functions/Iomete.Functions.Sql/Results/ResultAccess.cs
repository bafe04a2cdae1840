using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Sql.Results;

/// <summary>The stored result of a query the caller may read, or the reason there is none.</summary>
internal static class ResultAccess
{
    public const string ExpiredCode = "RESULT_EXPIRED";

    /// <summary>The result's object key, or null for a completed statement that returned no rows.</summary>
    public static string? RequireReadable(QueryRow row, long nowMs)
    {
        var status = row.ParsedStatus;
        if (status == QueryStatus.ResultExpired || (status == QueryStatus.Completed && row.ExpiresMs <= nowMs))
        {
            throw new ApiException(410, ExpiredCode, "Result expired", $"The result of query '{row.Id}' has expired; run the query again.");
        }
        if (status != QueryStatus.Completed)
        {
            throw new ConflictException($"Query '{row.Id}' is {QueryStatuses.Code(status)}; results exist only for COMPLETED queries.");
        }
        return row.ResultKey;
    }
}
