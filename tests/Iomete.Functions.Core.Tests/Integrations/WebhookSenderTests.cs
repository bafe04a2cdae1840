using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Iomete.Functions.Core.Integrations.Webhooks;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.Integrations;

public sealed class WebhookSenderTests : IAsyncLifetime
{
    private readonly CoreServices _services = CoreServices.Create(new Dictionary<string, string?> { ["Iomete:Core:WebhookTimeout"] = "00:00:03" });
    private readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _services.DisposeAsync();
    }

    private WebhookSender Sender => _services.Get<WebhookSender>();

    private WebhookTarget Target(WebhookKind kind, string? secret = null) => new("wh-1", "ops", _receiver.Url(), kind, secret);

    [Fact]
    public async Task Generic_WithSecret_PostsSignedEnvelope()
    {
        var delivery = await Sender.SendAsync(Target(WebhookKind.Generic, "hook-secret"), "spark-job.failed", new { job = "etl" }, "unused", CancellationToken.None);

        var received = Assert.Single(_receiver.Requests);
        Assert.Equal(200, delivery.Status);
        Assert.Equal("POST", received.Method);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("hook-secret"), received.Body));
        Assert.Equal(expected, received.Headers["X-Iomete-Signature"]);
        Assert.Equal(delivery.DeliveryId, received.Headers["X-Iomete-Delivery"]);
        using var json = JsonDocument.Parse(received.Body);
        Assert.Equal("spark-job.failed", json.RootElement.GetProperty("event").GetString());
        Assert.True(json.RootElement.GetProperty("timestamp").TryGetDateTimeOffset(out _));
        Assert.Equal("etl", json.RootElement.GetProperty("data").GetProperty("job").GetString());
    }

    [Fact]
    public async Task Generic_WithoutSecret_IsNotSigned()
    {
        await Sender.SendAsync(Target(WebhookKind.Generic), "x.y", new { }, "unused", CancellationToken.None);

        Assert.False(Assert.Single(_receiver.Requests).Headers.ContainsKey("X-Iomete-Signature"));
    }

    [Fact]
    public async Task Slack_PostsText()
    {
        await Sender.SendAsync(Target(WebhookKind.Slack, "ignored"), "x.y", new { }, "Job etl failed", CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        Assert.Equal("Job etl failed", json.RootElement.GetProperty("text").GetString());
        Assert.Single(json.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task Non2xxAnswer_Is502NamingTheStatus()
    {
        _receiver.Status = 500;

        var ex = await Assert.ThrowsAsync<ApiException>(() => Sender.SendAsync(Target(WebhookKind.Generic), "x.y", new { }, "t", CancellationToken.None));

        Assert.Equal(502, ex.Status);
        Assert.True(ex.Detail!.Contains("500", StringComparison.Ordinal), ex.Detail);
    }

    [Fact]
    public async Task SlowReceiver_Is502AfterTheTimeout()
    {
        _receiver.Delay = TimeSpan.FromSeconds(8);

        var ex = await Assert.ThrowsAsync<ApiException>(() => Sender.SendAsync(Target(WebhookKind.Generic), "x.y", new { }, "t", CancellationToken.None));

        Assert.Equal(502, ex.Status);
        Assert.Contains("no answer within 3 s", ex.Detail, StringComparison.Ordinal);
    }
}
