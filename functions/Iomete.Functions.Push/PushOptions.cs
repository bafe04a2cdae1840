using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Push;

/// <summary>The real-time push (<c>Iomete:Push</c>).</summary>
public sealed class PushOptions
{
    public const string Section = "Iomete:Push";

    /// <summary>How long the push log keeps an event for catch-up after a reconnect.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many events are kept, whatever their age.</summary>
    [Range(100, 10_000_000)]
    public int MaxEvents { get; set; } = 100_000;

    /// <summary>How often a replica with connected clients looks for events appended by the other replicas.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A comment line is sent this often so that proxies keep an idle stream open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>retry:</c> hint: how long a client waits before it reconnects.</summary>
    [Range(100, 600_000)]
    public int RetryMilliseconds { get; set; } = 3000;

    /// <summary>How long a connection reuses a visibility decision (per resource).</summary>
    public TimeSpan DecisionTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a connection's token is resolved again; a revoked or expired token closes the stream.</summary>
    public TimeSpan CallerRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events buffered per connection; a client that falls further behind is disconnected and catches up from the log.</summary>
    [Range(16, 1_000_000)]
    public int ConnectionBuffer { get; set; } = 4096;

    /// <summary>Open streams one replica serves; more answer 429.</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 20_000;
}
