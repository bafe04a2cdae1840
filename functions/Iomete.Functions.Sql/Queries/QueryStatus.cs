namespace Iomete.Functions.Sql.Queries;

/// <summary>IOMETE's query states; serialized SNAKE_UPPER (<c>RESULT_EXPIRED</c>).</summary>
public enum QueryStatus
{
    Submitted,
    Running,
    Completed,
    Failed,
    Cancelling,
    Cancelled,
    ResultExpired,
}

internal static class QueryStatuses
{
    public static string Code(QueryStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(status.ToString());

    public static QueryStatus? FromCode(string code) =>
        Enum.GetValues<QueryStatus>().Select(s => (QueryStatus?)s).FirstOrDefault(s => Code(s!.Value) == code);

    public static bool IsFinal(QueryStatus status) =>
        status is QueryStatus.Completed or QueryStatus.Failed or QueryStatus.Cancelled or QueryStatus.ResultExpired;
}
