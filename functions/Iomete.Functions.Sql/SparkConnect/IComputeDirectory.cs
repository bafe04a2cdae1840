namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>What a compute cluster is and where its SQL endpoint listens, as the cluster service reports it.</summary>
/// <param name="Kind"><c>SPARK</c> (a Spark cluster reached over Spark Connect) or <c>LOCAL</c> (the embedded engine).</param>
/// <param name="Status"><c>ACTIVE</c>, <c>STARTING</c>, <c>STOPPED</c> or <c>FAILED</c>.</param>
public sealed record ComputeEndpoint(string Id, string Name, string Kind, string Status, string? Host, int? SparkConnectPort)
{
    public const string Spark = "SPARK";
    public const string Local = "LOCAL";
    public const string Active = "ACTIVE";

    public bool IsSpark => string.Equals(Kind, Spark, StringComparison.OrdinalIgnoreCase);

    public bool IsActive => string.Equals(Status, Active, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Resolves a compute cluster named in a query to its SQL endpoint, as the end user: an unknown cluster is a 404,
/// one the user may not CONSUME a 403 (both as <see cref="Platform.Errors.ApiException"/>s).
/// </summary>
public interface IComputeDirectory
{
    /// <param name="credentials">The end user's credential headers (Authorization, X-API-Token, Cookie), forwarded as they came.</param>
    Task<ComputeEndpoint> ResolveAsync(string domain, string cluster, IReadOnlyDictionary<string, string> credentials, CancellationToken ct);
}
