using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Options;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Bootstrap;

/// <summary>
/// Creates the super admin <c>admin</c> once. Replicas may race: the insert only happens when the
/// username is free, and only the replica whose insert won announces (or writes) the password.
/// </summary>
internal sealed partial class AdminBootstrap(
    UserStore users,
    PasswordHasher hasher,
    TimeProvider clock,
    IIdGenerator ids,
    IConfiguration configuration,
    IOptions<IdentityOptions> identity,
    IOptions<IometeOptions> platform,
    ILogger<AdminBootstrap> logger)
{
    public const string PasswordEnvironmentVariable = "IOMETE_ADMIN_PASSWORD";
    public const string PasswordFileName = "admin-password";

    /// <summary>True when this call created the admin.</summary>
    public async Task<bool> EnsureAdminAsync(CancellationToken ct)
    {
        if (await users.FindByUsernameAsync(User.AdminUsername, ct) is not null)
        {
            return false;
        }
        var configured = NullIfEmpty(configuration[PasswordEnvironmentVariable]) ?? NullIfEmpty(identity.Value.AdminPassword);
        if (configured is not null)
        {
            PasswordPolicy.Require(PasswordEnvironmentVariable, configured);
        }
        var password = configured ?? PasswordPolicy.Generate();
        var now = clock.GetUtcNow();
        var admin = new User(ids.NewId(), User.AdminUsername, null, "Admin", null, UserType.Person, User.OriginIomete,
            UserStatus.Active, hasher.Hash(password), PasswordTemporary: false, IsSuperAdmin: true, CreatedBy: "system", now, now, 1);
        if (!await users.TryInsertAsync(admin, ct))
        {
            return false;
        }
        if (configured is null)
        {
            var file = WritePasswordFile(password);
            LogGeneratedPassword(logger, password, file);
        }
        else
        {
            LogConfiguredPassword(logger);
        }
        return true;
    }

    private string WritePasswordFile(string password)
    {
        var folder = platform.Value.DataDir;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, PasswordFileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created unreadable for others from the first byte, not tightened afterwards.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options))
        {
            writer.WriteLine(password);
        }
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode does not apply to a file that existed already.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Created user 'admin'. admin password: {Password}, also stored in {File}, readable only by you")]
    private static partial void LogGeneratedPassword(ILogger logger, string password, string file);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Created user 'admin' with the configured password")]
    private static partial void LogConfiguredPassword(ILogger logger);
}
