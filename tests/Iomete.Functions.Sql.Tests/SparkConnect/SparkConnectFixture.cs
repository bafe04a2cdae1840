using System.Net;
using System.Net.Sockets;
using Iomete.Functions.Sql.Tests.Support;
using Iomete.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>
/// A local platform whose SQL service reaches the stand-in Spark Connect server: cluster <c>spark-a</c> is ACTIVE there,
/// <c>spark-stopped</c> is STOPPED, <c>spark-gone</c> is ACTIVE on a closed port, <c>engine</c> is LOCAL and
/// <c>spark-secret</c> is refused (no CONSUME). The clusters are given a token for Spark Connect.
/// </summary>
public sealed class SparkConnectFixture : IAsyncLifetime
{
    public const string ClusterToken = "cluster-token-1";

    private FakeSparkConnectServer? _spark;
    private LocalPlatform? _platform;
    private HttpClient? _admin;

    internal FakeSparkConnectServer Spark => _spark ?? throw new InvalidOperationException("Not started.");

    internal ClusterEndpointStub Directory { get; } = new();

    public LocalPlatform Platform => _platform ?? throw new InvalidOperationException("Not started.");

    public HttpClient Admin => _admin ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _spark = await FakeSparkConnectServer.StartAsync(batchRows: 10);
        Directory.Clusters["spark-a"] = ClusterEndpointStub.Endpoint("spark-a", "SPARK", "ACTIVE", "127.0.0.1", _spark.Port);
        Directory.Clusters["spark-stopped"] = ClusterEndpointStub.Endpoint("spark-stopped", "SPARK", "STOPPED", "127.0.0.1", _spark.Port);
        Directory.Clusters["spark-gone"] = ClusterEndpointStub.Endpoint("spark-gone", "SPARK", "ACTIVE", "127.0.0.1", ClosedPort());
        Directory.Clusters["engine"] = ClusterEndpointStub.Endpoint("engine", "LOCAL", "ACTIVE", "127.0.0.1", 0);
        Directory.Forbidden.Add("spark-secret");
        _platform = await LocalPlatform.StartAsync(
            new Dictionary<string, string?> { ["Iomete:Sql:SparkConnect:Token"] = ClusterToken },
            builder => builder.Services.AddSingleton<IStartupFilter>(Directory));
        _admin = await _platform.LoginAsync();
    }

    /// <summary>Submits a query on <paramref name="cluster"/> and waits for it to finish.</summary>
    public Task<System.Text.Json.JsonElement> RunAsync(string query, string cluster = "spark-a", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["query"] = query, ["computeCluster"] = cluster };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }
        return Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{SqlFixture.QueriesUrl}?wait=30", body);
    }

    /// <summary>The executions the stand-in recorded for one query (by the tag every operation of the query carries).</summary>
    internal IReadOnlyList<RecordedExecution> ExecutionsOf(string queryId) =>
        Spark.Service.Executions.Where(e => e.Request.Tags.Contains($"iomete-query-{queryId}")).ToList();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
        if (_spark is not null)
        {
            await _spark.DisposeAsync();
        }
    }
}
