using System.Net;
using Iomete.Functions.Core.Tests.Support;

namespace Iomete.Functions.Core.Tests.Integrations;

public sealed class EmailApiTests(CorePlatformFixture fixture) : IClassFixture<CorePlatformFixture>, IAsyncLifetime
{
    private const string Root = "/api/v1/admin/integrations/email";
    private readonly SmtpSink _sink = new("mailer", "Smtp-Pass-1");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    private object Settings(string password = "Smtp-Pass-1") => new
    {
        host = "127.0.0.1",
        port = _sink.Port,
        security = "NONE",
        requireAuth = true,
        username = "mailer",
        password,
        senderEmail = "noreply@iomete.local",
        senderName = "IOMETE",
    };

    [Fact]
    public async Task Test_WithUnsavedSettings_SendsTheTestMessage_WithoutSaving()
    {
        await fixture.Admin.DeleteAsync(new Uri(Root, UriKind.Relative));

        var result = await fixture.Admin.PostJsonAsync($"{Root}/test", new { to = "ops@example.com", settings = Settings() }, HttpStatusCode.OK);

        Assert.True(result.GetProperty("sent").GetBoolean());
        var mail = Assert.Single(_sink.Messages);
        Assert.Equal("mailer", mail.AuthenticatedAs);
        Assert.Equal(["ops@example.com"], mail.Recipients);
        Assert.Contains("Subject: IOMETE Email Configuration Test", mail.Data, StringComparison.Ordinal);
        await fixture.Admin.GetJsonAsync(Root, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Save_HidesThePassword_AndTestUsesTheSavedSettings()
    {
        var saved = await fixture.Admin.PutJsonAsync(Root, Settings(), HttpStatusCode.OK);
        var read = await fixture.Admin.GetJsonAsync(Root);

        Assert.True(read.GetProperty("passwordSet").GetBoolean());
        Assert.False(read.TryGetProperty("password", out _));
        Assert.DoesNotContain("Smtp-Pass-1", saved.GetRawText() + read.GetRawText(), StringComparison.Ordinal);

        await fixture.Admin.PostJsonAsync($"{Root}/test", new { to = "saved@example.com" }, HttpStatusCode.OK);
        Assert.Equal(["saved@example.com"], Assert.Single(_sink.Messages).Recipients);

        await fixture.Admin.DeleteJsonAsync(Root, HttpStatusCode.NoContent);
        await fixture.Admin.GetJsonAsync(Root, HttpStatusCode.NotFound);
        await fixture.Admin.DeleteJsonAsync(Root, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Test_WhenTheServerRefuses_Is502WithItsMessage()
    {
        var problem = await fixture.Admin.PostJsonAsync($"{Root}/test", new { to = "ops@example.com", settings = Settings("wrong") }, HttpStatusCode.BadGateway);

        Assert.Equal("BAD_GATEWAY", problem.Str("errorCode"));
        Assert.Contains("Authentication credentials invalid", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Empty(_sink.Messages);
    }

    [Fact]
    public async Task Save_WithEncryptionAndNoPassword_Is400_AuthIsForced()
    {
        var problem = await fixture.Admin.PutJsonAsync(Root, new
        {
            host = "smtp.example.com", port = 587, security = "STARTTLS", requireAuth = false, username = "u", senderEmail = "a@example.com",
        }, HttpStatusCode.BadRequest);

        Assert.Equal(["password"], problem.ErrorFields());
    }

    [Fact]
    public async Task Test_WithoutRecipient_Is400_AndPlainUserIsForbidden()
    {
        Assert.Equal(["to"], (await fixture.Admin.PostJsonAsync($"{Root}/test", new { settings = Settings() }, HttpStatusCode.BadRequest)).ErrorFields());

        using var plain = await fixture.UserAsync("plain");
        await plain.PostJsonAsync($"{Root}/test", new { to = "ops@example.com", settings = Settings() }, HttpStatusCode.Forbidden);
        await plain.GetJsonAsync(Root, HttpStatusCode.Forbidden);
        Assert.Empty(_sink.Messages);
    }
}
