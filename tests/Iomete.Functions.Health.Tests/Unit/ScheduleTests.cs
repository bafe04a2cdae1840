using System.Reflection;
using Iomete.Functions.Health.Checks;
using Iomete.Platform.Functions;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Health.Tests.Unit;

public sealed class ScheduleTests
{
    [Fact]
    public void ProbeFunction_IsACronBindingEveryTenSeconds_OnAnInternalRoute()
    {
        var method = typeof(RunHealthProbes).GetMethod(nameof(RunHealthProbes.Run))!;
        var cron = method.GetCustomAttribute<CronBindingAttribute>()!;
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().Single();

        Assert.Equal("health-check", cron.Name);
        Assert.Equal(TimeSpan.FromSeconds(10), CronBindingAttribute.ParseEvery(cron.Schedule));
        Assert.StartsWith("internal/", trigger.Route, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_ProbeWithinTheInterval_EvenWhenAProbeHangsAndIsRetried()
    {
        var options = new HealthOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), options.NominalInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ProbeTimeout);
        // A hanging probe times out, is confirmed once, and still reports before the next tick.
        Assert.True(2 * options.ProbeTimeout + options.ConfirmDelay < options.NominalInterval);
        Assert.Equal([HealthOptions.LocalApp], options.ProbedApps());
        Assert.Equal(["core", "sql"], new HealthOptions { FunctionApps = ["core", " sql ", "core", ""] }.ProbedApps());
    }
}
