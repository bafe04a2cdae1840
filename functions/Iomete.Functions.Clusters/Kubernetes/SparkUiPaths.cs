namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>The control-plane paths the Spark UIs are served under (the proxies of <c>SparkHistory/</c>).</summary>
public static class SparkUiPaths
{
    /// <summary>The Spark History Server's pages.</summary>
    public const string History = "/spark-history";

    /// <summary>Live driver UIs, one per application id.</summary>
    public const string DriverUi = "/spark-ui";

    /// <summary>The port of a driver's UI.</summary>
    public const int DriverUiPort = 4040;

    public static string DriverUiBase(string appId) => $"{DriverUi}/{appId}";
}
