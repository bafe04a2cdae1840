namespace Iomete.Functions.Sql.Queries;

/// <summary>A submitted query waiting for a slot: the text with variables applied and the caller's credentials for the catalog.</summary>
/// <param name="UserId">Who submitted it: engine connections are reused only among the same user's queries.</param>
/// <param name="Spark">The Spark cluster it runs on over Spark Connect; null runs it on the embedded engine.</param>
public sealed record QueryJob(
    string Id, string Sql, string? Catalog, string? Database, int? RowLimit, IReadOnlyDictionary<string, string> Credentials, string? UserId = null,
    SparkConnect.SparkTarget? Spark = null);

/// <summary>A query this process is running or about to run.</summary>
internal sealed class ActiveQuery
{
    public CancellationTokenSource Cancel { get; } = new();

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public volatile Engine.Sessions.ISqlSession? Session;
}
