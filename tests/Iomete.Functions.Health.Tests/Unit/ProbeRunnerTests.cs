using System.Diagnostics;
using Iomete.Functions.Health.Monitoring;
using Iomete.Functions.Health.Probes;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Tests.Unit;

public sealed class ProbeRunnerTests
{
    private static ProbeRunner Runner(TimeSpan timeout) => new(
        Options.Create(new HealthOptions { ProbeTimeout = timeout, ConfirmDelay = TimeSpan.FromMilliseconds(20) }), TimeProvider.System);

    [Fact]
    public async Task AFailureThatDoesNotRepeat_IsNotCounted()
    {
        var probe = new ScriptedProbe(_ => throw new HealthProbeException("lost a packet"), _ => Task.CompletedTask);

        var outcome = await Runner(TimeSpan.FromSeconds(1)).RunAsync(probe, CancellationToken.None);

        Assert.True(outcome.Healthy);
        Assert.Equal(2, probe.Calls);
    }

    [Fact]
    public async Task AConfirmedFailure_CountsWithTheSecondAttemptsReason()
    {
        var probe = new ScriptedProbe(_ => throw new HealthProbeException("first"), _ => throw new InvalidOperationException("second"));

        var outcome = await Runner(TimeSpan.FromSeconds(1)).RunAsync(probe, CancellationToken.None);

        Assert.False(outcome.Healthy);
        Assert.Equal("InvalidOperationException: second", outcome.Message);
    }

    [Fact]
    public async Task AProbeThatIgnoresItsToken_TimesOut_WithinTwiceTheTimeoutPlusThePause()
    {
        var hang = new ScriptedProbe(_ => Task.Delay(Timeout.Infinite, CancellationToken.None), _ => Task.Delay(Timeout.Infinite, CancellationToken.None));
        var watch = Stopwatch.StartNew();

        var outcome = await Runner(TimeSpan.FromMilliseconds(200)).RunAsync(hang, CancellationToken.None);

        Assert.False(outcome.Healthy);
        Assert.StartsWith("No answer within", outcome.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(380), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task AHealthyProbe_IsCalledOnce()
    {
        var probe = new ScriptedProbe(_ => Task.CompletedTask);

        var outcome = await Runner(TimeSpan.FromSeconds(1)).RunAsync(probe, CancellationToken.None);

        Assert.True(outcome.Healthy);
        Assert.Null(outcome.Message);
        Assert.Equal(1, probe.Calls);
    }
}

/// <summary>A probe whose n-th call runs the n-th step (the last one repeats).</summary>
internal sealed class ScriptedProbe(params Func<CancellationToken, Task>[] steps) : IHealthProbe
{
    private int _calls;

    public int Calls => _calls;

    public string Component { get; init; } = "test-component";

    public string DisplayName => "Test component";

    public Task ProbeAsync(CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        return steps[Math.Min(call, steps.Length) - 1](ct);
    }
}
