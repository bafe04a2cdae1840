namespace Iomete.Functions.Core.Integrations.Email;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (usually port 587).</summary>
    Starttls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslTls,
    /// <summary>No encryption (usually port 25).</summary>
    None,
}

/// <summary>The SMTP configuration as the API shows it; the password is never returned.</summary>
public sealed record EmailSettingsView(
    string Host,
    int Port,
    SmtpSecurity Security,
    bool RequireAuth,
    string? Username,
    bool PasswordSet,
    string SenderEmail,
    string? SenderName,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy);

/// <summary>
/// The SMTP configuration to save or test. With encryption, authentication is always required.
/// The password must be sent on every save: it is never read back.
/// </summary>
public sealed record EmailSettingsRequest(
    string? Host = null,
    int? Port = null,
    SmtpSecurity? Security = null,
    bool? RequireAuth = null,
    string? Username = null,
    string? Password = null,
    string? SenderEmail = null,
    string? SenderName = null);

/// <summary>A checked SMTP configuration with its password in clear, ready to use or store.</summary>
public sealed record SmtpSettings(
    string Host,
    int Port,
    SmtpSecurity Security,
    bool RequireAuth,
    string? Username,
    string? Password,
    string SenderEmail,
    string? SenderName);
