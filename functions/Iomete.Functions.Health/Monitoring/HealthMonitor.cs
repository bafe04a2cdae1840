using System.Collections.Concurrent;
using Iomete.Functions.Health.History;
using Iomete.Functions.Health.Notifications;
using Iomete.Functions.Health.Probes;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Monitoring;

/// <summary>What one round did.</summary>
public sealed record ProbeRoundResult(DateTimeOffset At, int Probed, int Failing, int Changed, bool HistoryWritten);

/// <summary>
/// The current status of every component, held in memory (served, and changes detected, while the metadata database is
/// down), updated by probe rounds. Each probe's result is applied as soon as it is in, so one slow component does not
/// hold back the others' changes; a change is published on <see cref="PlatformTopics.Health"/> and handed to the notifier.
/// </summary>
public sealed partial class HealthMonitor(
    ProbeCatalog probes,
    ProbeRunner runner,
    HealthHistory history,
    StatusNotifier notifier,
    NotificationSettingsStore settings,
    IEventBus bus,
    TimeProvider clock,
    IOptions<HealthOptions> options,
    ILogger<HealthMonitor> logger)
{
    private readonly ConcurrentDictionary<string, ComponentStatus> _current = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _round = new(1, 1);
    private DateTimeOffset? _lastRound;

    public IReadOnlyList<IHealthProbe> Components => probes.All;

    public ComponentStatus? Current(string component) => _current.GetValueOrDefault(component);

    /// <summary>Takes the statuses saved before a restart for the components not probed yet.</summary>
    public void Adopt(IEnumerable<ComponentStatus> persisted)
    {
        foreach (var status in persisted)
        {
            _current.TryAdd(status.Component, status);
        }
    }

    /// <summary>A scheduled round; null when one is still running (the next tick comes soon enough).</summary>
    public async Task<ProbeRoundResult?> TryRunAsync(CancellationToken ct)
    {
        if (!await _round.WaitAsync(0, ct))
        {
            return null;
        }
        try
        {
            return await RunRoundAsync(ct);
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>A round now (refresh), after any round in progress.</summary>
    public async Task<ProbeRoundResult> RunNowAsync(CancellationToken ct)
    {
        await _round.WaitAsync(ct);
        try
        {
            return await RunRoundAsync(ct);
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task<ProbeRoundResult> RunRoundAsync(CancellationToken ct)
    {
        if (await history.TryLoadAsync(ct) is { } persisted)
        {
            Adopt(persisted);
        }
        var now = clock.GetUtcNow();
        var weight = SampleWeight(now);
        _lastRound = now;
        var changed = 0;
        var failing = 0;
        await Parallel.ForEachAsync(probes.All, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentProbes, CancellationToken = ct },
            async (probe, token) =>
            {
                var outcome = await runner.RunAsync(probe, token);
                history.Record(outcome.Component, now, !outcome.Healthy, weight);
                if (!outcome.Healthy)
                {
                    Interlocked.Increment(ref failing);
                }
                if (await ApplyAsync(outcome, token))
                {
                    Interlocked.Increment(ref changed);
                }
            });
        notifier.Tick();
        var written = await history.FlushAsync([.. _current.Values], ct);
        if (written)
        {
            await settings.WarmAsync(ct);
        }
        return new ProbeRoundResult(now, probes.All.Count, failing, changed, written);
    }

    /// <summary>The time one sample stands for: since the previous round, within sensible bounds.</summary>
    private TimeSpan SampleWeight(DateTimeOffset now)
    {
        var nominal = options.Value.NominalInterval;
        if (_lastRound is not { } last)
        {
            return nominal;
        }
        var elapsed = now - last;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed > 3 * nominal ? nominal : elapsed;
    }

    private async Task<bool> ApplyAsync(ProbeOutcome outcome, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var status = outcome.Healthy ? HealthStatus.Operational : HealthStatus.Outage;
        var previous = _current.GetValueOrDefault(outcome.Component);
        var isChange = previous is null || previous.Status != status;
        _current[outcome.Component] = new ComponentStatus(outcome.Component, status, isChange ? at : previous!.Since, at, outcome.Message);
        if (!isChange)
        {
            return false;
        }
        var change = new HealthStatusChanged(outcome.Component, previous?.Status.Name(), status.Name(), outcome.Message, at);
        LogChanged(logger, outcome.Component, change.PreviousStatus ?? "(none)", change.Status, outcome.Message ?? "");
        try
        {
            await bus.PublishAsync(PlatformTopics.Health, change, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogPublishFailed(logger, ex, outcome.Component);
        }
        notifier.OnChange(change);
        return true;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Health of {Component}: {Previous} -> {Status} {Message}")]
    private static partial void LogChanged(ILogger logger, string component, string previous, string status, string message);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Could not publish the health change of {Component}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string component);
}
