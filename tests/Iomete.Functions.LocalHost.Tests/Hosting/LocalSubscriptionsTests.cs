using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using Iomete.Functions.LocalHost;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Iomete.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.LocalHost.Tests.Hosting;

public sealed class LocalSubscriptionsTests
{
    [Fact]
    public async Task PublishedEvents_ArePostedToTheSubscriptionFunction_AsCloudEvents_InOrder_AsTheInternalCaller()
    {
        var deliveries = new Deliveries();
        await using var platform = await StartAsync(deliveries);
        var bus = platform.Services.GetRequiredService<IEventBus>();

        for (var i = 0; i < 5; i++)
        {
            await bus.PublishAsync(TestSubscription.Topic, new Ping(i, i % 2 == 0 ? null : "odd"), CancellationToken.None);
        }
        await WaitAsync(() => deliveries.Received.Count >= 5);

        Assert.Equal([0, 1, 2, 3, 4], deliveries.Received.Select(d => d.Ping.Sequence));
        Assert.Equal([null, "odd", null, "odd", null], deliveries.Received.Select(d => d.Ping.Note));
        Assert.All(deliveries.Received, d => Assert.Equal(("system", TestSubscription.Topic, "1.0"), (d.Caller, d.Topic, d.SpecVersion)));
    }

    [Fact]
    public async Task AFailedDelivery_IsRetried_UntilTheFunctionAccepts_ThenTheNextEventFollows()
    {
        var deliveries = new Deliveries { FailuresToPlay = 2 };
        await using var platform = await StartAsync(deliveries);
        var bus = platform.Services.GetRequiredService<IEventBus>();

        await bus.PublishAsync(TestSubscription.Topic, new Ping(1, null), CancellationToken.None);
        await bus.PublishAsync(TestSubscription.Topic, new Ping(2, null), CancellationToken.None);
        await WaitAsync(() => deliveries.Received.Count >= 2);

        Assert.Equal(4, deliveries.Attempts);
        Assert.Equal([1, 2], deliveries.Received.Select(d => d.Ping.Sequence));
    }

    [Fact]
    public async Task TheSubscriptionRoute_RefusesOrdinaryCallers()
    {
        await using var platform = await StartAsync(new Deliveries());
        using var anonymous = platform.Anonymous();
        using var response = await anonymous.PostAsync(new Uri(TestSubscription.Route, UriKind.Relative), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Every subscription of every service lives under <c>internal/</c>, takes POST only, and refuses a signed-in user.</summary>
    [Fact]
    public async Task EverySubscriptionFunction_IsInternalOnly()
    {
        await using var platform = await LocalPlatform.StartAsync();
        using var admin = await platform.LoginAsync();
        var subscriptions = platform.Services.GetRequiredService<FunctionCatalog>().Functions
            .Where(f => f.Method.GetCustomAttribute<TopicSubscriptionAttribute>() is not null)
            .ToList();

        Assert.NotEmpty(subscriptions);
        foreach (var function in subscriptions)
        {
            Assert.StartsWith("internal/", function.Route, StringComparison.Ordinal);
            Assert.Equal(["POST"], function.Methods);
            Assert.False(function.AllowsAnonymous, function.Name);
            using var response = await admin.PostAsync(new Uri("/" + function.Route, UriKind.Relative),
                new StringContent("""{"specversion":"1.0","data":{}}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{function.Name} answered {(int)response.StatusCode} to the admin");
        }
    }

    private static Task<LocalPlatform> StartAsync(Deliveries deliveries) =>
        LocalPlatform.StartAsync(configure: b =>
        {
            b.Services.AddSingleton(deliveries);
            b.Services.AddFunctionsFrom(typeof(LocalSubscriptionsTests).Assembly);
        });

    private static async Task WaitAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(done(), "the deliveries did not arrive in time");
    }
}

public sealed record Ping(int Sequence, string? Note);

public sealed class Deliveries
{
    private int attempts;

    public int FailuresToPlay { get; set; }

    public int Attempts => Volatile.Read(ref attempts);

    public ConcurrentQueue<(string Caller, string? Topic, string? SpecVersion, Ping Ping)> Received { get; } = new();

    /// <summary>True when this attempt should fail (the first <see cref="FailuresToPlay"/> attempts do).</summary>
    public bool Attempt() => Interlocked.Increment(ref attempts) <= FailuresToPlay;
}

/// <summary>A subscription function that only these tests' hosts register.</summary>
public sealed class TestSubscription(ICallerAccessor callers, Deliveries deliveries)
{
    public const string Topic = "test-pings";
    public const string Route = "internal/v1/test/pings";

    [Function("test-pings-subscription")]
    [TopicSubscription(Topic)]
    [OpenApiOperation("Test", "Pings")]
    [OpenApiResponse(204)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (caller.UserId != "system")
        {
            throw new ForbiddenException("platform only");
        }
        var envelope = await RequestBody.ReadAsync<CloudEvent<Ping>>(request, ct);
        if (deliveries.Attempt())
        {
            return ApiResults.Json(503, new { status = "RETRY" });
        }
        deliveries.Received.Enqueue((caller.UserId, envelope.Topic, envelope.Specversion, envelope.Data!));
        return ApiResults.NoContent();
    }
}
