namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>Where a query runs on a Spark cluster, resolved when it was submitted.</summary>
/// <param name="Cluster">The compute cluster's name, as the query names it.</param>
/// <param name="UserName">The submitting user's name, sent in the user context.</param>
public sealed record SparkTarget(string Cluster, SparkConnectAddress Address, string? UserName);
