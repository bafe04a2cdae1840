using System.Collections.Concurrent;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.LocalHost.Tests.Hosting;

public sealed class LocalSchedulerTests
{
    [Fact]
    public async Task CronFunctions_ArePostedOnTheirSchedule_AsTheInternalCaller()
    {
        var calls = new CronCalls();
        await using var platform = await LocalPlatform.StartAsync(configure: b =>
        {
            b.Services.AddSingleton(calls);
            b.Services.AddFunctionsFrom(typeof(LocalSchedulerTests).Assembly);
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (calls.Callers.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(calls.Callers.Count >= 3, $"the cron route was called {calls.Callers.Count} times");
        Assert.All(calls.Callers, c => Assert.Equal("system", c));

        // The same route refuses an ordinary anonymous caller.
        using var anonymous = platform.Anonymous();
        using var response = await anonymous.PostAsync(new Uri("/internal/v1/test/tick", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class CronCalls
{
    public ConcurrentQueue<string> Callers { get; } = new();
}

/// <summary>A periodic function that only this test's host registers.</summary>
public sealed class TickFunction(ICallerAccessor callers, CronCalls calls)
{
    [Function("test-tick")]
    [CronBinding("test-tick", "@every 200ms")]
    [OpenApiOperation("Test", "Tick")]
    [OpenApiResponse(204)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/test/tick")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        calls.Callers.Enqueue(caller.UserId);
        return ApiResults.NoContent();
    }
}
