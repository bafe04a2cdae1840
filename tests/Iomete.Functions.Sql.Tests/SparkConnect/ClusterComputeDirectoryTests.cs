using System.Net;
using System.Text;
using Iomete.Functions.Sql.SparkConnect;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>The lookup of a cluster's SQL endpoint through service invocation, against the contract's answers.</summary>
public sealed class ClusterComputeDirectoryTests
{
    private static readonly Dictionary<string, string> Credentials = new() { ["Authorization"] = "Bearer user-token", ["Cookie"] = "session=1" };

    [Fact]
    public async Task Resolve_CallsTheClusterServiceAsTheUser_AndReadsTheEndpoint()
    {
        var invoker = new StubInvoker(HttpStatusCode.OK,
            """{"id":"c1","name":"bi","kind":"SPARK","status":"ACTIVE","host":"spark-bi-driver-svc.iomete-system.svc","sparkConnectPort":15002}""");

        var endpoint = await new ClusterComputeDirectory(invoker).ResolveAsync("sales team", "bi", Credentials, CancellationToken.None);

        Assert.Equal(new ComputeEndpoint("c1", "bi", "SPARK", "ACTIVE", "spark-bi-driver-svc.iomete-system.svc", 15002), endpoint);
        Assert.True(endpoint.IsSpark && endpoint.IsActive);
        Assert.Equal("clusters", invoker.AppId);
        Assert.Equal("api/v1/internal/clusters/domains/sales%20team/compute/bi/sql-endpoint", invoker.Path);
        Assert.Equal("Bearer user-token", invoker.Headers["Authorization"]);
        Assert.Equal("session=1", invoker.Headers["Cookie"]);
    }

    [Fact]
    public async Task Resolve_403_IsForbiddenWithTheClusterServicesDetail()
    {
        var invoker = new StubInvoker(HttpStatusCode.Forbidden, """{"status":403,"errorCode":"FORBIDDEN","detail":"No CONSUME on bi."}""");

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => new ClusterComputeDirectory(invoker).ResolveAsync("d", "bi", Credentials, CancellationToken.None));

        Assert.Equal("No CONSUME on bi.", error.Detail);
    }

    [Fact]
    public async Task Resolve_404_IsNotFound_AndAServerErrorIsABadGateway()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            new ClusterComputeDirectory(new StubInvoker(HttpStatusCode.NotFound, "")).ResolveAsync("d", "bi", Credentials, CancellationToken.None));
        var error = await Assert.ThrowsAsync<ApiException>(() =>
            new ClusterComputeDirectory(new StubInvoker(HttpStatusCode.InternalServerError, "")).ResolveAsync("d", "bi", Credentials, CancellationToken.None));
        Assert.Equal(502, error.Status);
    }

    private sealed class StubInvoker(HttpStatusCode status, string body) : IServiceInvoker
    {
        public string? AppId { get; private set; }

        public string? Path { get; private set; }

        public Dictionary<string, string> Headers { get; } = [];

        public Task<HttpResponseMessage> InvokeAsync(string appId, HttpRequestMessage request, CancellationToken ct)
        {
            AppId = appId;
            Path = request.RequestUri!.OriginalString;
            foreach (var header in request.Headers)
            {
                Headers[header.Key] = string.Join(",", header.Value);
            }
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
