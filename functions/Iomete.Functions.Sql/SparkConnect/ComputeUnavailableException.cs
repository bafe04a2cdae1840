namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>A Spark cluster could not be reached or stopped answering; the query fails with <c>COMPUTE_UNAVAILABLE</c>.</summary>
public sealed class ComputeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
