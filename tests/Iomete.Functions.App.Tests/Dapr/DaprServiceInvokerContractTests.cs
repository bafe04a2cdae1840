using System.Net;
using System.Text;
using Iomete.Platform.Dapr;

namespace Iomete.Functions.App.Tests.Dapr;

public sealed class DaprServiceInvokerContractTests : IAsyncLifetime
{
    private FakeDaprSidecar _sidecar = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await FakeDaprSidecar.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task DaprServiceInvoker_ContractTest_ARequest_ReachesTheSidecarsInvokeRoute_WithHeadersBodyAndToken()
    {
        var invoker = new DaprServiceInvoker(_http, new DaprSidecar(_sidecar.HttpEndpoint, FakeDaprSidecar.ApiToken));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sql/queries?domain=default")
        {
            Content = new StringContent("""{"sql":"select 1"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "user-token");

        using var response = await invoker.InvokeAsync("iomete-sql", request, CancellationToken.None);

        var call = Assert.Single(_sidecar.State.Invocations);
        Assert.Equal(("POST", "iomete-sql", "api/v1/sql/queries", "?domain=default"), (call.Method, call.AppId, call.Path, call.Query));
        Assert.Equal("Bearer user-token", call.Headers["Authorization"]);
        Assert.Equal(FakeDaprSidecar.ApiToken, call.Headers[DaprSidecar.ApiTokenHeader]);
        Assert.Equal("""{"sql":"select 1"}""", call.Body);
        // The callee's answer comes back as it is: status, headers and body, not an exception.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("iomete-sql", response.Headers.GetValues("x-callee").Single());
        Assert.Equal("""POST api/v1/sql/queries?domain=default {"sql":"select 1"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DaprServiceInvoker_ContractTest_AnAbsoluteUri_KeepsOnlyItsPathAndQuery_AndNoTokenIsSentWithoutOne()
    {
        var invoker = new DaprServiceInvoker(_http, new DaprSidecar(_sidecar.HttpEndpoint, ApiToken: null));
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://elsewhere:8080/api/v1/clusters?x=1");

        using var response = await invoker.InvokeAsync("iomete-clusters", request, CancellationToken.None);

        var call = Assert.Single(_sidecar.State.Invocations);
        Assert.Equal(("GET", "iomete-clusters", "api/v1/clusters", "?x=1"), (call.Method, call.AppId, call.Path, call.Query));
        Assert.False(call.Headers.ContainsKey(DaprSidecar.ApiTokenHeader));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
