using Iomete.Functions.LocalHost;
using Iomete.Functions.LocalHost.Hosting;
using Iomete.Testing;
using Microsoft.AspNetCore.Routing;

namespace Iomete.Functions.LocalHost.Tests.Hosting;

public sealed class RouteTableTests
{
    [Fact]
    public async Task LocalRouteTable_EqualsTheRoutesInFunctionsMetadata()
    {
        await using var app = LocalHostApp.Build([]);
        var local = ((IEndpointRouteBuilder)app).RouteTable()
            .Select(r => $"{r.Name} {string.Join(',', r.Methods.OrderBy(m => m, StringComparer.Ordinal))} {r.Route}")
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToList();
        var metadata = FunctionsMetadata.Read()
            .Select(e => $"{e.Name} {string.Join(',', e.Methods)} {e.Route}")
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(metadata);
        Assert.Equal(metadata, local);
    }

    [Fact]
    public void EveryFunction_IsAnonymousAtTheFunctionsHostLevel_SoThePlatformDecidesAuth()
    {
        // AuthorizationLevel.Function would demand Azure function keys, which we do not use.
        Assert.All(FunctionsMetadata.Read(), e => Assert.Equal("Anonymous", e.AuthLevel, ignoreCase: true));
    }
}
