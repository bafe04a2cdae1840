using Iomete.Platform.Errors;
using Iomete.Platform.Time;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>Runs a sync under the database lease and records its outcome: the one entry for manual and periodic runs.</summary>
public sealed partial class LdapSyncRunner(LdapConfigStore configs, LdapSyncState state, LdapSync sync, IIdGenerator ids, ILogger<LdapSyncRunner> logger)
{
    /// <summary>Runs now; 409 when LDAP is off or another sync is running, 502 when the directory fails.</summary>
    public async Task<LdapSyncCounts> RunNowAsync(bool includeGroups, CancellationToken ct)
    {
        var config = await configs.GetEnabledAsync(ct) ?? throw new ConflictException("LDAP is not configured or not enabled.");
        var owner = ids.NewId();
        if (!await state.TryClaimAsync(owner, "MANUAL", dueOnly: false, ct))
        {
            throw new ConflictException("An LDAP sync is already running; try again when it has finished (GET .../ldap/sync-status).");
        }
        var (counts, error) = await RunClaimedAsync(owner, config, includeGroups, ct);
        return error is null ? counts! : throw new ApiException(502, ErrorCodes.BadGateway, "LDAP sync failed", error);
    }

    /// <summary>The periodic run: syncs users (and groups when group sync is on) when one is due and no other replica has claimed it.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken ct)
    {
        if (await configs.GetEnabledAsync(ct) is not { } config)
        {
            return false;
        }
        if ((await state.GetAsync(ct)).NextRunAt is null)
        {
            await state.ScheduleAsync(TimeSpan.FromSeconds(config.Settings.SyncIntervalSeconds), ct);
            return false;
        }
        var owner = ids.NewId();
        if (!await state.TryClaimAsync(owner, "PERIODIC", dueOnly: true, ct))
        {
            return false;
        }
        await RunClaimedAsync(owner, config, config.Settings.GroupSync.Enabled, ct);
        return true;
    }

    private async Task<(LdapSyncCounts? Counts, string? Error)> RunClaimedAsync(string owner, LdapConnectionSettings config, bool includeGroups, CancellationToken ct)
    {
        LdapSyncCounts? counts = null;
        string? error = null;
        try
        {
            counts = await sync.RunAsync(config, includeGroups, ct);
            LogFinished(logger, counts.UsersCreated, counts.UsersUpdated, counts.UsersDisabled, counts.GroupsCreated);
        }
        catch (LdapUnavailableException ex)
        {
            error = ex.Message;
            LogFailed(logger, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = "The sync failed unexpectedly; the error was logged.";
            LogFailed(logger, ex);
        }
        finally
        {
            await state.FinishAsync(owner, counts, error ?? (counts is null ? "The sync was cancelled." : null),
                TimeSpan.FromSeconds(config.Settings.SyncIntervalSeconds), CancellationToken.None);
        }
        return (counts, error);
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "LDAP sync finished: {Created} users created, {Updated} updated, {Disabled} disabled, {Groups} groups created")]
    private static partial void LogFinished(ILogger logger, int created, int updated, int disabled, int groups);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "LDAP sync failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
