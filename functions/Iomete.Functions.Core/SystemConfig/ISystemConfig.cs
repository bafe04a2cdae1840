namespace Iomete.Functions.Core.SystemConfig;

/// <summary>
/// Reads the platform's system configuration (admin-editable key/values with defaults). Each call
/// reads the database, so a change made on one replica is seen by all at once.
/// Keys are in <see cref="SystemConfigKeys"/>; an unknown key is a programming error.
/// </summary>
public interface ISystemConfig
{
    /// <summary>The effective value: the stored one, else the default.</summary>
    Task<string> GetAsync(string key, CancellationToken ct);

    Task<int> GetIntAsync(string key, CancellationToken ct);

    Task<bool> GetBoolAsync(string key, CancellationToken ct);

    Task<TimeSpan> GetDurationAsync(string key, CancellationToken ct);
}
