using System.Threading.Channels;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Notifications;

/// <summary>
/// Decides which status changes are notified (email, webhooks), so a flapping component does not spam: at most one
/// notification per component within <see cref="HealthNotificationOptions.MinimumInterval"/>; a change inside that
/// interval waits, and when it ends the status the component settled on is sent, if it differs from the last one sent.
/// A component's first observation is notified only when it is an outage. Notified changes go to a bounded queue that
/// <see cref="NotificationDispatcher"/> delivers, so delivery never holds up a probe round.
/// </summary>
public sealed class StatusNotifier
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly IOptions<HealthNotificationOptions> _options;
    private readonly Channel<HealthStatusChanged> _queue;

    public StatusNotifier(TimeProvider clock, IOptions<HealthNotificationOptions> options)
    {
        _clock = clock;
        _options = options;
        _queue = Channel.CreateBounded<HealthStatusChanged>(new BoundedChannelOptions(options.Value.QueueLimit)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    public ChannelReader<HealthStatusChanged> Queue => _queue.Reader;

    public void OnChange(HealthStatusChanged change)
    {
        lock (_gate)
        {
            if (!_states.TryGetValue(change.Component, out var state))
            {
                _states[change.Component] = state = new State();
            }
            if (state.LastSentStatus is null && change.PreviousStatus is null && change.Status != "OUTAGE")
            {
                // First sight of a healthy component: nothing anyone needs to hear about.
                state.LastSentStatus = change.Status;
                return;
            }
            var now = _clock.GetUtcNow();
            if (state.LastSentAt is { } last && now - last < _options.Value.MinimumInterval)
            {
                state.Pending = change;
                return;
            }
            Send(state, change, now);
        }
    }

    /// <summary>Sends what waited for its component's interval to end (called every round).</summary>
    public void Tick()
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var state in _states.Values)
            {
                if (state.Pending is not { } pending || state.LastSentAt is not { } last || now - last < _options.Value.MinimumInterval)
                {
                    continue;
                }
                state.Pending = null;
                if (pending.Status != state.LastSentStatus)
                {
                    Send(state, pending with { PreviousStatus = state.LastSentStatus }, now);
                }
            }
        }
    }

    private void Send(State state, HealthStatusChanged change, DateTimeOffset now)
    {
        state.LastSentAt = now;
        state.LastSentStatus = change.Status;
        state.Pending = null;
        _queue.Writer.TryWrite(change);
    }

    private sealed class State
    {
        public DateTimeOffset? LastSentAt { get; set; }
        public string? LastSentStatus { get; set; }
        public HealthStatusChanged? Pending { get; set; }
    }
}
