using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.Integrations;

public sealed class WebhookApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>, IAsyncLifetime
{
    private const string Root = "/api/v1/admin/integrations/webhooks";
    private readonly WebhookReceiver _receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Generic_TestDelivery_IsSignedWithTheSecret_WhichIsNeverReturned()
    {
        var created = await fixture.Admin.PostJsonAsync(Root, new
        {
            name = Unique("ops"), url = _receiver.Url().ToString(), kind = "GENERIC", secret = "Hook-Secret-1", events = new[] { "spark-job.*" },
        }, HttpStatusCode.Created);
        Assert.True(created.GetProperty("secretSet").GetBoolean());
        Assert.DoesNotContain("Hook-Secret-1", created.GetRawText(), StringComparison.Ordinal);

        var delivery = await fixture.Admin.PostJsonAsync($"{Root}/{created.Str("id")}/test", null, HttpStatusCode.OK);

        Assert.Equal(200, delivery.GetProperty("status").GetInt32());
        var received = Assert.Single(_receiver.Requests);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("Hook-Secret-1"), received.Body));
        Assert.Equal(signature, received.Headers["X-Iomete-Signature"]);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Equal("webhook.test", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(created.Str("id"), body.RootElement.GetProperty("data").GetProperty("webhookId").GetString());
    }

    [Fact]
    public async Task Slack_TestDelivery_PostsText()
    {
        var created = await fixture.Admin.PostJsonAsync(Root, new { name = Unique("slack"), url = _receiver.Url("slack").ToString(), kind = "SLACK", events = new[] { "*" } },
            HttpStatusCode.Created);

        await fixture.Admin.PostJsonAsync($"{Root}/{created.Str("id")}/test", null, HttpStatusCode.OK);

        var received = Assert.Single(_receiver.Requests);
        Assert.Equal("/slack", received.Path);
        using var body = JsonDocument.Parse(received.Body);
        Assert.Contains("IOMETE test notification", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestDelivery_ToAFailingReceiver_Is502NamingTheStatus()
    {
        _receiver.Status = 503;
        var created = await fixture.Admin.PostJsonAsync(Root, new { name = Unique("down"), url = _receiver.Url().ToString(), events = new[] { "*" } },
            HttpStatusCode.Created);

        var problem = await fixture.Admin.PostJsonAsync($"{Root}/{created.Str("id")}/test", null, HttpStatusCode.BadGateway);

        Assert.Equal("BAD_GATEWAY", problem.Str("errorCode"));
        Assert.Contains("503", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crud_DuplicateIs409_UnknownIs404_UpdateKeepsSecret()
    {
        var name = Unique("crud");
        var created = await fixture.Admin.PostJsonAsync(Root, new { name, url = "https://hooks.example.com/a", secret = "s", events = new[] { "a.b" } },
            HttpStatusCode.Created);
        var id = created.Str("id");
        await fixture.Admin.PostJsonAsync(Root, new { name, url = "https://hooks.example.com/b", events = new[] { "a.b" } }, HttpStatusCode.Conflict);

        var updated = await fixture.Admin.PutJsonAsync($"{Root}/{id}", new { name, url = "https://hooks.example.com/c", events = new[] { "x.y" }, enabled = false },
            HttpStatusCode.OK);
        Assert.Equal(("https://hooks.example.com/c", false, true), (updated.Str("url"), updated.GetProperty("enabled").GetBoolean(), updated.GetProperty("secretSet").GetBoolean()));
        Assert.Contains(name, (await fixture.Admin.GetJsonAsync($"{Root}?search={name}")).Names());

        await fixture.Admin.DeleteJsonAsync($"{Root}/{id}", HttpStatusCode.NoContent);
        await fixture.Admin.GetJsonAsync($"{Root}/{id}", HttpStatusCode.NotFound);
        await fixture.Admin.PostJsonAsync($"{Root}/{id}/test", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WithBadFields_Is400NamingThem_AndPlainUserIsForbidden()
    {
        var problem = await fixture.Admin.PostJsonAsync(Root, new { name = "", url = "file:///etc/passwd", events = Array.Empty<string>() }, HttpStatusCode.BadRequest);
        Assert.Equal(["events", "name", "url"], problem.ErrorFields());

        using var plain = await fixture.UserAsync("plain");
        await plain.GetJsonAsync(Root, HttpStatusCode.Forbidden);
    }
}
