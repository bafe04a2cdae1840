using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>
/// How the SQL service talks to Spark clusters over Spark Connect, section <c>Iomete:Sql:SparkConnect</c>.
/// The end user's own access token is never sent to a cluster: the cluster sees the user in the request's user context,
/// and the SQL service has already checked the user's CONSUME permission on the cluster.
/// </summary>
public sealed class SparkConnectOptions
{
    public const string Section = "Iomete:Sql:SparkConnect";

    /// <summary>A bearer token the clusters' Spark Connect endpoints expect (<c>sc://…/;token=…</c>); null sends none.</summary>
    public string? Token { get; set; }

    /// <summary>TLS to the clusters (<c>;use_ssl=true</c>); false speaks plaintext HTTP/2, as a driver's port 15002 does in the cluster.</summary>
    public bool UseTls { get; set; }

    /// <summary>How long the SQL service waits for a cluster to take an interrupt after a query is cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan InterruptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>client_type</c> sent with every request (Spark logs it).</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string ClientType { get; set; } = "iomete-sql-service";
}
