namespace Iomete.Functions.Push.Visibility;

/// <summary>Who may receive an event, stored with it in the push log (JSON) and decided per connection.</summary>
/// <param name="Kind">One of <see cref="AudienceKinds"/>.</param>
/// <param name="Resource">The asset id (Spark job, compute cluster, event stream).</param>
/// <param name="Owner">The user the event is about (a query's owner).</param>
/// <param name="Deletion">The resource is gone: whoever could see it before still gets this last event.</param>
public sealed record Audience(
    string Kind,
    string? Domain = null,
    string? Resource = null,
    string? Owner = null,
    string? Catalog = null,
    string? Database = null,
    string? Table = null,
    bool Deletion = false);

public static class AudienceKinds
{
    /// <summary>Any admin role, READ_ONLY_ADMIN included.</summary>
    public const string Admins = "ADMINS";

    /// <summary>The query's owner, the domain's owners and domain managers.</summary>
    public const string Query = "QUERY";

    /// <summary>VIEW on the Spark job.</summary>
    public const string SparkJob = "SPARK_JOB";

    /// <summary>VIEW on the compute cluster.</summary>
    public const string Compute = "COMPUTE";

    /// <summary>VIEW on the event stream.</summary>
    public const string EventStream = "EVENT_STREAM";

    /// <summary>Any data access on the table (or namespace) under the data-access policies.</summary>
    public const string Table = "TABLE";

    /// <summary>SPARK_CATALOG_MANAGER, or anyone who may access the table.</summary>
    public const string Maintenance = "MAINTENANCE";
}
