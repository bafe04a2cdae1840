using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Iomete.Functions.Core.Tests.Support;

/// <summary>
/// A small real SMTP server on a loopback port that records what clients deliver. It speaks
/// EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP and QUIT, without TLS.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpSink(string? username = null, string? password = null, string? rejectRecipientMessage = null)
    {
        Username = username;
        Password = password;
        RejectRecipientMessage = rejectRecipientMessage;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public string? Username { get; }
    public string? Password { get; }

    /// <summary>When set, every RCPT is refused with <c>550</c> and this text.</summary>
    public string? RejectRecipientMessage { get; }

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    public sealed record ReceivedMail(string? AuthenticatedAs, string MailFrom, IReadOnlyList<string> Recipients, string Data);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        string? user = null;
        string? from = null;
        var recipients = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 sink.local ESMTP test sink");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-sink.local");
                        await writer.WriteLineAsync(Username is null ? "250 HELP" : "250 AUTH PLAIN LOGIN");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 sink.local");
                        break;
                    case "AUTH":
                        user = await AuthenticateAsync(line, reader, writer);
                        break;
                    case "MAIL":
                        if (Username is not null && user is null)
                        {
                            await writer.WriteLineAsync("530 5.7.0 Authentication required");
                            break;
                        }
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        if (RejectRecipientMessage is not null)
                        {
                            await writer.WriteLineAsync("550 5.1.1 " + RejectRecipientMessage);
                            break;
                        }
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        Messages.Enqueue(new ReceivedMail(user, from ?? "", recipients.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
            // The client went away or the sink is stopping.
        }
    }

    private async Task<string?> AuthenticateAsync(string line, StreamReader reader, StreamWriter writer)
    {
        var parts = line.Split(' ');
        string? name;
        string? secret;
        if (parts.Length >= 2 && parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var response = parts.Length >= 3 ? parts[2] : await Challenge(writer, reader, "");
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
            (name, secret) = (fields[1], fields[2]);
        }
        else if (parts.Length >= 2 && parts[1].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            name = Encoding.UTF8.GetString(Convert.FromBase64String(parts.Length >= 3 ? parts[2] : await Challenge(writer, reader, "VXNlcm5hbWU6")));
            secret = Encoding.UTF8.GetString(Convert.FromBase64String(await Challenge(writer, reader, "UGFzc3dvcmQ6")));
        }
        else
        {
            await writer.WriteLineAsync("504 5.5.4 Unrecognized authentication type");
            return null;
        }
        if (name == Username && secret == Password)
        {
            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
            return name;
        }
        await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
        return null;
    }

    private async Task<string> Challenge(StreamWriter writer, StreamReader reader, string prompt)
    {
        await writer.WriteLineAsync("334 " + prompt);
        return await reader.ReadLineAsync(_stop.Token) ?? "";
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
