using Dapper;
using Iomete.Functions.Core.Secrets;
using Iomete.Platform.Data;

namespace Iomete.Functions.Core.Integrations.Email;

/// <summary>The platform's single SMTP configuration; the password is encrypted at rest.</summary>
public sealed class EmailSettingsStore(IMetadataDb db, SecretCipher cipher, TimeProvider clock)
{
    private const string Id = "smtp";

    public async Task<EmailSettingsView?> GetAsync(CancellationToken ct)
    {
        var row = await ReadAsync(ct);
        return row is null ? null : View(row);
    }

    /// <summary>The stored configuration with its password decrypted, for sending mail; null when none is saved.</summary>
    public async Task<SmtpSettings?> GetForSendingAsync(CancellationToken ct)
    {
        var row = await ReadAsync(ct);
        return row is null
            ? null
            : new SmtpSettings(row.Host, row.Port, Enum.Parse<SmtpSecurity>(row.Security), row.RequireAuth, row.Username,
                row.PasswordSecret is null ? null : cipher.Decrypt(row.PasswordSecret), row.SenderEmail, row.SenderName);
    }

    public async Task<EmailSettingsView> SaveAsync(SmtpSettings settings, string? updatedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO email_settings (id, host, port, security, require_auth, username, password_secret, sender_email, sender_name, updated_ms, updated_by)
            VALUES (@Id, @Host, @Port, @Security, @RequireAuth, @Username, @PasswordSecret, @SenderEmail, @SenderName, @UpdatedMs, @UpdatedBy)
            ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security,
                require_auth = excluded.require_auth, username = excluded.username, password_secret = excluded.password_secret,
                sender_email = excluded.sender_email, sender_name = excluded.sender_name, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by
            """,
            new Row
            {
                Id = Id, Host = settings.Host, Port = settings.Port, Security = settings.Security.ToString(), RequireAuth = settings.RequireAuth,
                Username = settings.Username, PasswordSecret = settings.Password is null ? null : cipher.Encrypt(settings.Password),
                SenderEmail = settings.SenderEmail, SenderName = settings.SenderName,
                UpdatedMs = clock.GetUtcNow().ToUnixTimeMilliseconds(), UpdatedBy = updatedBy,
            },
            cancellationToken: ct));
        return (await GetAsync(ct))!;
    }

    /// <summary>Removes the configuration; false when none was saved.</summary>
    public async Task<bool> DeleteAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM email_settings WHERE id = @Id", new { Id }, cancellationToken: ct)) > 0;
    }

    private async Task<Row?> ReadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CoreRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, host AS Host, port AS Port, security AS Security, require_auth AS RequireAuth, username AS Username,
                   password_secret AS PasswordSecret, sender_email AS SenderEmail, sender_name AS SenderName, updated_ms AS UpdatedMs, updated_by AS UpdatedBy
            FROM email_settings WHERE id = @Id
            """,
            new { Id }, cancellationToken: ct));
    }

    private static EmailSettingsView View(Row r) => new(
        r.Host, r.Port, Enum.Parse<SmtpSecurity>(r.Security), r.RequireAuth, r.Username, r.PasswordSecret is not null,
        r.SenderEmail, r.SenderName, DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs), r.UpdatedBy);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Host { get; set; } = "";
        public int Port { get; set; }
        public string Security { get; set; } = "";
        public bool RequireAuth { get; set; }
        public string? Username { get; set; }
        public string? PasswordSecret { get; set; }
        public string SenderEmail { get; set; } = "";
        public string? SenderName { get; set; }
        public long UpdatedMs { get; set; }
        public string? UpdatedBy { get; set; }
    }
}
