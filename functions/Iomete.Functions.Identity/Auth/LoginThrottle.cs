using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Auth;

/// <summary>
/// Slows password guessing: after <see cref="IdentityOptions.MaxFailedLogins"/> failures for a
/// username, or <see cref="IdentityOptions.MaxFailedLoginsPerIp"/> from a client IP, within the
/// sliding window, logins answer 429 until the window passes, even with the right password. Failures live in the database so every replica agrees.
/// </summary>
public sealed class LoginThrottle(IdentityDb db, TimeProvider clock, IIdGenerator ids, IOptions<IdentityOptions> options)
{
    private IdentityOptions Options => options.Value;

    public async Task EnsureAllowedAsync(string username, string? clientIp, CancellationToken ct)
    {
        var now = IdentityDb.Ms(clock.GetUtcNow());
        var window = (long)Options.FailedLoginWindow.TotalMilliseconds;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Failure>(new CommandDefinition(
            "SELECT subject AS Subject, at_ms AS AtMs FROM login_failures WHERE subject IN (@user, @ip) AND at_ms > @since",
            new { user = UserSubject(username), ip = IpSubject(clientIp), since = now - window }, cancellationToken: ct));
        var blockedUntil = rows
            .GroupBy(r => r.Subject)
            .Select(g => (Failures: g.OrderByDescending(r => r.AtMs).ToList(), Limit: Limit(g.Key)))
            .Where(s => s.Failures.Count >= s.Limit)
            // The window must pass for enough failures that fewer than the limit remain.
            .Select(s => s.Failures[s.Limit - 1].AtMs + window)
            .DefaultIfEmpty(0)
            .Max();
        if (blockedUntil > now)
        {
            var seconds = (int)Math.Ceiling((blockedUntil - now) / 1000.0);
            throw new TooManyRequestsException("Too many failed logins; try again later.", Math.Max(1, seconds));
        }
    }

    public async Task RecordFailureAsync(string username, string? clientIp, CancellationToken ct)
    {
        var now = IdentityDb.Ms(clock.GetUtcNow());
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO login_failures (id, subject, at_ms) VALUES (@Id, @Subject, @AtMs)",
            new[] { UserSubject(username), IpSubject(clientIp) }.Select(s => new { Id = ids.NewId(), Subject = s, AtMs = now }),
            cancellationToken: ct));
    }

    /// <summary>A successful login forgets the username's failures (not the IP's).</summary>
    public async Task ClearAsync(string username, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM login_failures WHERE subject = @subject", new { subject = UserSubject(username) }, cancellationToken: ct));
    }

    /// <summary>Deletes failures older than the window; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var since = IdentityDb.Ms(clock.GetUtcNow() - Options.FailedLoginWindow);
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM login_failures WHERE at_ms <= @since", new { since }, cancellationToken: ct));
    }

    private int Limit(string subject) =>
        subject.StartsWith("ip:", StringComparison.Ordinal) ? Options.MaxFailedLoginsPerIp : Options.MaxFailedLogins;

    private static string UserSubject(string username)
    {
        var subject = "user:" + username.ToLowerInvariant();
        return subject.Length > 200 ? subject[..200] : subject;
    }

    private static string IpSubject(string? clientIp) => "ip:" + (clientIp ?? "unknown");

    private sealed class Failure
    {
        public string Subject { get; init; } = "";
        public long AtMs { get; init; }
    }
}
