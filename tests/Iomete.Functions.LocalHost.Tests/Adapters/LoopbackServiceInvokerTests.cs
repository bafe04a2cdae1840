using System.Net;
using Iomete.Platform.Messaging;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.LocalHost.Tests.Adapters;

public sealed class LoopbackServiceInvokerTests
{
    [Fact]
    public async Task Invoke_CallsTheFunctionOfThisProcess_ThroughItsRealRoute()
    {
        await using var platform = await LocalPlatform.StartAsync();
        var invoker = platform.Services.GetRequiredService<IServiceInvoker>();

        using var ready = await invoker.InvokeAsync("core", new HttpRequestMessage(HttpMethod.Get, "/readyz"), CancellationToken.None);
        using var guarded = await invoker.InvokeAsync("identity", new HttpRequestMessage(HttpMethod.Get, "/api/v1/user"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);
    }
}
