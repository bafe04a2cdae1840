using System.Net.Sockets;
using Iomete.Platform.Errors;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Iomete.Functions.Core.Integrations.Email;

/// <summary>Sends mail through an SMTP configuration; anything the server or network refuses becomes a 502.</summary>
public sealed class SmtpMailer(IOptions<CoreOptions> options)
{
    public Task SendAsync(SmtpSettings settings, string to, string subject, string body, CancellationToken ct) =>
        SendAsync(settings, [to], subject, body, html: null, ct);

    /// <summary>One message to every address in <paramref name="to"/>; with <paramref name="html"/>, a text + HTML alternative.</summary>
    public async Task SendAsync(SmtpSettings settings, IReadOnlyList<string> to, string subject, string text, string? html, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.SenderName ?? "", settings.SenderEmail));
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }
        message.Subject = subject;
        message.Body = html is null
            ? new TextPart("plain") { Text = text }
            : new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();

        var timeout = options.Value.SmtpTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        var server = $"{settings.Host}:{settings.Port}";
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Secure(settings.Security), limit.Token);
            if (settings.RequireAuth)
            {
                await client.AuthenticateAsync(settings.Username ?? "", settings.Password ?? "", limit.Token);
            }
            await client.SendAsync(message, limit.Token);
            await client.DisconnectAsync(quit: true, limit.Token);
        }
        catch (SmtpCommandException ex)
        {
            throw Failed(server, $"the server answered {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw Failed(server, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (TimeoutException)
        {
            throw Failed(server, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is ProtocolException or CommandException or AuthenticationException or SslHandshakeException
                                       or SocketException or IOException or NotSupportedException)
        {
            throw Failed(server, ex.Message);
        }
    }

    private static SecureSocketOptions Secure(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Starttls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslTls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private static ApiException Failed(string server, string why) =>
        new(502, ErrorCodes.BadGateway, "SMTP server error", $"Sending through {server} failed: {why}");
}
