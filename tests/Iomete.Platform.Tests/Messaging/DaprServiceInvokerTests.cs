using System.Net;
using Iomete.Platform.Messaging;

namespace Iomete.Platform.Tests.Messaging;

/// <summary>Dapr sidecar stand-in (no sidecar runs here): the request must follow Dapr's documented invoke API.</summary>
public sealed class DaprServiceInvokerTests
{
    private sealed class Recording : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task Invoke_AgainstTheDaprHttpApiSchema_SendsToV1InvokeMethodWithPathQueryAndHeaders()
    {
        var handler = new Recording();
        using var client = new HttpClient(handler);
        var invoker = new DaprServiceInvoker(client, "http://127.0.0.1:3500", "sidecar-token");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/catalogs/spark_catalog/v1/spark_catalog/namespaces?pageSize=10");
        request.Headers.Add("Authorization", "Bearer user-token");

        using var response = await invoker.InvokeAsync("iceberg", request, CancellationToken.None);

        Assert.Equal("http://127.0.0.1:3500/v1.0/invoke/iceberg/method/catalogs/spark_catalog/v1/spark_catalog/namespaces?pageSize=10", handler.Seen!.RequestUri!.ToString());
        Assert.Equal("Bearer user-token", handler.Seen.Headers.Authorization!.ToString());
        Assert.Equal(["sidecar-token"], handler.Seen.Headers.GetValues("dapr-api-token"));
    }

    [Fact]
    public async Task Invoke_WithoutAnApiToken_SendsNone()
    {
        var handler = new Recording();
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/catalogs");

        using var response = await new DaprServiceInvoker(client, "http://localhost:3501/", null).InvokeAsync("sql", request, CancellationToken.None);

        Assert.Equal("http://localhost:3501/v1.0/invoke/sql/method/api/v1/catalogs", handler.Seen!.RequestUri!.ToString());
        Assert.False(handler.Seen.Headers.Contains("dapr-api-token"));
    }
}
