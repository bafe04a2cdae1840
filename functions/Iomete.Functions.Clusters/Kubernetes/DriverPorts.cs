namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>A named TCP port of a compute cluster's driver (iomete-features.md §14).</summary>
public sealed record DriverPort(string Name, int Port);

/// <summary>The client endpoints a compute cluster's driver serves, depending on which servers it starts.</summary>
public static class DriverPorts
{
    /// <summary>JDBC/ODBC through HiveServer2 (Thrift).</summary>
    public static DriverPort HiveServer2 { get; } = new("hiveserver2", 10000);
    public static DriverPort SparkConnect { get; } = new("spark-connect", 15002);
    public static DriverPort ArrowFlight { get; } = new("arrow-flight", 33333);

    public static IReadOnlyList<DriverPort> For(ComputeServers servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var ports = new List<DriverPort>(3);
        if (servers.HiveThrift)
            ports.Add(HiveServer2);
        if (servers.SparkConnect)
            ports.Add(SparkConnect);
        if (servers.ArrowFlight)
            ports.Add(ArrowFlight);
        return ports;
    }
}
