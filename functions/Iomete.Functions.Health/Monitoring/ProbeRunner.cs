using Iomete.Functions.Health.Probes;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Monitoring;

/// <summary>What one probe found, after its confirmation retry.</summary>
public sealed record ProbeOutcome(string Component, bool Healthy, string? Message, TimeSpan Duration);

/// <summary>
/// Runs probes with a timeout each and a bounded number at once; a failure is tried once more after a short pause before
/// it counts, so one lost packet does not flip a component.
/// </summary>
public sealed class ProbeRunner(IOptions<HealthOptions> options, TimeProvider clock)
{
    public async Task<ProbeOutcome> RunAsync(IHealthProbe probe, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var first = await AttemptAsync(probe, ct);
        if (first is null)
        {
            return new ProbeOutcome(probe.Component, true, null, clock.GetElapsedTime(started));
        }
        await Task.Delay(options.Value.ConfirmDelay, clock, ct);
        var second = await AttemptAsync(probe, ct);
        return new ProbeOutcome(probe.Component, second is null, second, clock.GetElapsedTime(started));
    }

    /// <summary>Null when the probe passed, else why it did not.</summary>
    private async Task<string?> AttemptAsync(IHealthProbe probe, CancellationToken ct)
    {
        var timeout = options.Value.ProbeTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            // WaitAsync bounds a probe that ignores its token (a blocking driver call).
            await probe.ProbeAsync(deadline.Token).WaitAsync(timeout, clock, ct);
            return null;
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            return $"No answer within {timeout.TotalSeconds:0.#} s.";
        }
        catch (Exception ex)
        {
            return Describe(ex);
        }
    }

    private static string Describe(Exception ex)
    {
        var message = ex is HealthProbeException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
        return message.Length <= 1000 ? message : message[..1000];
    }
}
