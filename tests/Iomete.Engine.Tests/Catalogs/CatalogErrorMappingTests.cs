using System.Net;
using System.Text;
using Iomete.Engine.Catalogs;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Engine.Tests.Catalogs;

/// <summary>The client against canned responses: error mapping, transport failures, the headers and paths it sends.</summary>
public sealed class CatalogErrorMappingTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TableIdent Table = new("cat", "db", "t");

    [Theory]
    [InlineData(404, "NoSuchNamespaceException", typeof(CatalogNotFoundException))]
    [InlineData(409, "AlreadyExistsException", typeof(CatalogAlreadyExistsException))]
    [InlineData(409, "CommitFailedException", typeof(CatalogCommitConflictException))]
    [InlineData(409, "NamespaceNotEmptyException", typeof(CatalogRequestException))]
    [InlineData(400, "BadRequestException", typeof(CatalogRequestException))]
    [InlineData(422, "UnprocessableEntityException", typeof(CatalogRequestException))]
    [InlineData(406, "UnsupportedOperationException", typeof(CatalogRequestException))]
    [InlineData(401, "NotAuthorizedException", typeof(CatalogForbiddenException))]
    [InlineData(403, "ForbiddenException", typeof(CatalogForbiddenException))]
    [InlineData(500, "InternalServerError", typeof(CatalogUnavailableException))]
    [InlineData(503, "ServiceUnavailableException", typeof(CatalogUnavailableException))]
    public async Task AnIcebergErrorModel_MapsToItsCatalogException_WithTheCatalogsMessage(int status, string type, Type expected)
    {
        var invoker = new CannedInvoker(_ => Response(status, $$$"""{"error":{"message":"the catalog says no","type":"{{{type}}}","code":{{{status}}}}}"""));
        var catalog = new RestLakehouseCatalog(invoker, new Dictionary<string, string>(), TimeProvider.System);

        var ex = await Assert.ThrowsAnyAsync<CatalogException>(() => catalog.CommitAsync(Table, [], [], Ct));

        Assert.IsType(expected, ex);
        Assert.Equal("the catalog says no", ex.Message);
    }

    [Fact]
    public async Task AProblemDetailsBody_GivesItsDetailAsTheMessage()
    {
        var invoker = new CannedInvoker(_ => Response(403, """{"title":"Forbidden","status":403,"detail":"needs SPARK_CATALOG_MANAGER","errorCode":"FORBIDDEN"}"""));
        var catalog = new RestLakehouseCatalog(invoker, new Dictionary<string, string>(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<CatalogForbiddenException>(() => catalog.ListCatalogsAsync(Ct));

        Assert.Equal("needs SPARK_CATALOG_MANAGER", ex.Message);
    }

    [Fact]
    public async Task ATransportFailure_IsUnavailable()
    {
        var invoker = new CannedInvoker(_ => throw new HttpRequestException("connection refused"));
        var catalog = new RestLakehouseCatalog(invoker, new Dictionary<string, string>(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<CatalogUnavailableException>(() => catalog.ListDatabasesAsync("cat", Ct));

        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task InvalidMetadata_IsUnavailable_NamingTheTable()
    {
        var invoker = new CannedInvoker(_ => Response(200, """{"metadata-location":"file:///m.json","metadata":{"format-version":2}}"""));
        var catalog = new RestLakehouseCatalog(invoker, new Dictionary<string, string>(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<CatalogUnavailableException>(() => catalog.LoadTableAsync(Table, Ct));

        Assert.Contains("cat.db.t", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRequest_CarriesTheCredentialHeaders_ToTheIcebergApp()
    {
        var seen = new List<(string AppId, string Path, string? Auth, string? Cookie)>();
        var invoker = new CannedInvoker((appId, request) =>
        {
            seen.Add((appId, request.RequestUri!.OriginalString,
                request.Headers.TryGetValues("Authorization", out var a) ? a.Single() : null,
                request.Headers.TryGetValues("Cookie", out var c) ? c.Single() : null));
            return Response(200, """{"next-page-token":null,"identifiers":[{"namespace":["db"],"name":"t"}]}""");
        });
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer abc", ["Cookie"] = "session=xyz" };
        var catalog = new RestLakehouseCatalog(invoker, headers, TimeProvider.System);

        await catalog.ListTablesAsync("cat", "db", Ct);
        await catalog.ListViewsAsync("cat", "db", Ct);

        Assert.Equal(
        [
            ("iceberg", "/catalogs/cat/v1/cat/namespaces/db/tables?pageToken=&pageSize=1000", "Bearer abc", "session=xyz"),
            ("iceberg", "/catalogs/cat/v1/cat/namespaces/db/views?pageToken=&pageSize=1000", "Bearer abc", "session=xyz"),
        ], seen);
    }

    [Fact]
    public void TheRegistration_GivesOneFactory_ForTheHostsInvoker()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IServiceInvoker>(new CannedInvoker(_ => Response(200, "{}")))
            .AddEmbeddedEngineCatalog()
            .AddEmbeddedEngineCatalog()
            .BuildServiceProvider();

        var factory = services.GetRequiredService<ILakehouseCatalogFactory>();

        Assert.IsType<RestLakehouseCatalogFactory>(factory);
        Assert.Same(factory, services.GetRequiredService<ILakehouseCatalogFactory>());
        Assert.Single(services.GetServices<ILakehouseCatalogFactory>());
        Assert.IsType<RestLakehouseCatalog>(factory.ForCaller(new Dictionary<string, string>()));
    }

    private static HttpResponseMessage Response(int status, string json) =>
        new((HttpStatusCode)status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class CannedInvoker(Func<string, HttpRequestMessage, HttpResponseMessage> answer) : IServiceInvoker
    {
        public CannedInvoker(Func<HttpRequestMessage, HttpResponseMessage> answer)
            : this((_, request) => answer(request))
        {
        }

        public Task<HttpResponseMessage> InvokeAsync(string appId, HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(answer(appId, request));
    }
}
