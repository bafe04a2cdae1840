using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>One way in: the protocol, its URL and a snippet to paste.</summary>
public sealed record ConnectionView(string Protocol, int Port, string Url, IReadOnlyDictionary<string, string> Snippets);

/// <summary>The Connections tab: where the driver listens, inside the data plane's cluster network.</summary>
public sealed record ComputeConnectionsView(string Host, IReadOnlyList<ConnectionView> Connections);

public sealed class ComputeConnections(ICallerAccessor callers, ComputeAccess access)
{
    [Function("clusters-compute-connections")]
    [OpenApiOperation("Compute clusters", "How clients connect to a compute cluster (VIEW)",
        Description = "JDBC/ODBC through HiveServer2 over HTTP transport (:10000, httpPath cliservice), Spark Connect (:15002) and " +
                      "Arrow Flight (:33333) on the driver Service; clients need CONSUME on the cluster.")]
    [OpenApiResponse(200, typeof(ComputeConnectionsView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/compute/{id}/connections")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var cluster = await access.RequireAsync(caller, domain, id, ComputeAccess.View, ct);
        return ApiResults.Ok(For(ComputeApplications.Host(cluster)));
    }

    internal static ComputeConnectionsView For(string host)
    {
        var hive = DriverPorts.HiveServer2.Port;
        var connect = DriverPorts.SparkConnect.Port;
        var flight = DriverPorts.ArrowFlight.Port;
        var jdbc = $"jdbc:hive2://{host}:{hive}/default;transportMode=http;httpPath=cliservice";
        var sc = $"sc://{host}:{connect}";
        return new ComputeConnectionsView(host,
        [
            new("JDBC", hive, jdbc, new Dictionary<string, string>
            {
                ["jdbc"] = $"Connection c = DriverManager.getConnection(\"{jdbc}\", \"<username>\", \"<access token>\");",
                ["python"] = $"from pyhive import hive\nconn = hive.connect(host=\"{host}\", port={hive}, scheme=\"http\", username=\"<username>\", password=\"<access token>\")",
            }),
            new("SPARK_CONNECT", connect, sc, new Dictionary<string, string>
            {
                ["python"] = $"from pyspark.sql import SparkSession\nspark = SparkSession.builder.remote(\"{sc}/;token=<access token>\").getOrCreate()",
            }),
            new("ARROW_FLIGHT", flight, $"grpc://{host}:{flight}", new Dictionary<string, string>
            {
                ["python"] = $"from adbc_driver_flightsql import dbapi\nconn = dbapi.connect(\"grpc://{host}:{flight}\", db_kwargs={{\"username\": \"<username>\", \"password\": \"<access token>\"}})",
            }),
        ]);
    }
}
