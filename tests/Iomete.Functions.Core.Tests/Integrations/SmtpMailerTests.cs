using System.Net;
using System.Net.Sockets;
using Iomete.Functions.Core.Integrations.Email;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Core.Tests.Integrations;

public sealed class SmtpMailerTests : IAsyncLifetime
{
    private readonly CoreServices _services = CoreServices.Create(new Dictionary<string, string?> { ["Iomete:Core:SmtpTimeout"] = "00:00:05" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private SmtpMailer Mailer => _services.Get<SmtpMailer>();

    private static SmtpSettings Plain(int port, string? user = null, string? password = null, SmtpSecurity security = SmtpSecurity.None) =>
        new("127.0.0.1", port, security, user is not null, user, password, "noreply@iomete.local", "IOMETE");

    [Fact]
    public async Task Send_WithoutAuth_DeliversTheMessage()
    {
        await using var sink = new SmtpSink();

        await Mailer.SendAsync(Plain(sink.Port), "ops@example.com", "Hello", "Body text", CancellationToken.None);

        var mail = Assert.Single(sink.Messages);
        Assert.Equal("noreply@iomete.local", mail.MailFrom);
        Assert.Equal(["ops@example.com"], mail.Recipients);
        Assert.Contains("Subject: Hello", mail.Data, StringComparison.Ordinal);
        Assert.Contains("From: IOMETE <noreply@iomete.local>", mail.Data, StringComparison.Ordinal);
        Assert.Contains("Body text", mail.Data, StringComparison.Ordinal);
        Assert.Null(mail.AuthenticatedAs);
    }

    [Fact]
    public async Task Send_WithAuth_LogsInFirst()
    {
        await using var sink = new SmtpSink("mailer", "pa55");

        await Mailer.SendAsync(Plain(sink.Port, "mailer", "pa55"), "ops@example.com", "Hi", "x", CancellationToken.None);

        Assert.Equal("mailer", Assert.Single(sink.Messages).AuthenticatedAs);
    }

    [Fact]
    public async Task Send_WithWrongPassword_Is502WithTheServersMessage()
    {
        await using var sink = new SmtpSink("mailer", "pa55");

        var ex = await Assert.ThrowsAsync<ApiException>(() =>
            Mailer.SendAsync(Plain(sink.Port, "mailer", "wrong"), "ops@example.com", "Hi", "x", CancellationToken.None));

        Assert.Equal(502, ex.Status);
        Assert.Contains("Authentication credentials invalid", ex.Detail, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Send_WhenServerRefusesRecipient_Is502WithTheServersMessage()
    {
        await using var sink = new SmtpSink(rejectRecipientMessage: "Mailbox ops@example.com does not exist");

        var ex = await Assert.ThrowsAsync<ApiException>(() =>
            Mailer.SendAsync(Plain(sink.Port), "ops@example.com", "Hi", "x", CancellationToken.None));

        Assert.Equal(502, ex.Status);
        Assert.Contains("550", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("Mailbox ops@example.com does not exist", ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpSecurity.Starttls)]
    [InlineData(SmtpSecurity.SslTls)]
    public async Task Send_WithEncryptionTheServerLacks_Is502(SmtpSecurity security)
    {
        await using var sink = new SmtpSink("mailer", "pa55");

        var ex = await Assert.ThrowsAsync<ApiException>(() =>
            Mailer.SendAsync(Plain(sink.Port, "mailer", "pa55", security), "ops@example.com", "Hi", "x", CancellationToken.None));

        Assert.Equal(502, ex.Status);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Send_ToAClosedPort_Is502()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var ex = await Assert.ThrowsAsync<ApiException>(() => Mailer.SendAsync(Plain(port), "ops@example.com", "Hi", "x", CancellationToken.None));

        Assert.Equal(502, ex.Status);
        Assert.Contains($"127.0.0.1:{port}", ex.Detail, StringComparison.Ordinal);
    }
}
