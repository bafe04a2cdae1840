using System.Net;
using Iomete.Testing;
using System.Text.RegularExpressions;
using Iomete.Functions.Orchestrator.Tests.Pipelines;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Orchestrator.Tests.Metrics;

public sealed partial class OrchestratorMetricsTests(PipelinesFixture fixture) : IClassFixture<PipelinesFixture>
{
    private const string Route = "/api/v1/orchestrator/metrics";

    /// <summary>Text format 0.0.4 samples: name, optional labels, value.</summary>
    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>-?[0-9.eE+-]+|\+Inf|-Inf|NaN)$""")]
    private static partial Regex Sample();

    private static Dictionary<string, string> Parse(string text, out List<(string Name, string Labels, double Value)> samples)
    {
        var types = new Dictionary<string, string>();
        samples = [];
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.True(types.TryAdd(parts[2], parts[3]), $"family {parts[2]} declared twice");
                continue;
            }
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }
            var match = Sample().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample: {line}");
            var name = match.Groups["name"].Value;
            Assert.Contains(types.Keys, family => name == family || name.StartsWith(family + "_", StringComparison.Ordinal));
            samples.Add((name, match.Groups["labels"].Value, double.Parse(match.Groups["value"].Value.Replace("+Inf", "Infinity", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return types;
    }

    [Fact]
    public async Task Metrics_ForAnAdmin_AreValidPrometheusTextWithTheOrchestratorFamilies()
    {
        var store = fixture.Platform.Services.GetRequiredService<WorkflowRunStore>();
        var now = DateTimeOffset.UtcNow;
        var job = "metrics-job-" + Guid.NewGuid().ToString("N")[..6];
        await store.InsertAsync(new WorkflowRun
        {
            Id = Guid.NewGuid().ToString(), DomainId = "default", Kind = RunKind.Job, Name = "queued", JobId = job, Namespace = "analytics",
            State = WorkflowRunState.Pending, Priority = RunPriority.High, CreatedAt = now.AddSeconds(-30),
        }, CancellationToken.None);
        var done = Guid.NewGuid().ToString();
        await store.InsertAsync(new WorkflowRun
        {
            Id = done, DomainId = "default", Kind = RunKind.Job, Name = "done", JobId = job, Namespace = "analytics", Attempt = 3,
            State = WorkflowRunState.Running, ScheduledFor = now.AddSeconds(-12), StartedAt = now.AddSeconds(-2), CreatedAt = now.AddSeconds(-12),
        }, CancellationToken.None);
        await store.UpdateAsync(done, r => r with { State = WorkflowRunState.Completed, EndedAt = r.StartedAt!.Value.AddSeconds(20) }, CancellationToken.None);

        using var response = await fixture.Admin.GetAsync(Route);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var types = Parse(text, out var samples);
        Assert.Equal("gauge", types["iomete_orchestrator_runs"]);
        Assert.Equal("counter", types["iomete_orchestrator_runs_total"]);
        Assert.Equal("gauge", types["iomete_orchestrator_queue_depth"]);
        Assert.Equal("gauge", types["iomete_orchestrator_queue_oldest_wait_seconds"]);
        Assert.Equal("summary", types["iomete_orchestrator_run_lateness_seconds"]);
        Assert.Equal("histogram", types["iomete_orchestrator_run_duration_seconds"]);
        Assert.Equal("counter", types["iomete_orchestrator_retries_total"]);
        var labels = $"domain=\"default\",namespace=\"analytics\",kind=\"JOB\",job=\"{job}\"";
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_runs_total" && s.Labels == labels + ",state=\"COMPLETED\"" && s.Value == 1);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_runs" && s.Labels == labels + ",state=\"PENDING\"" && s.Value == 1);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_retries_total" && s.Labels == labels && s.Value == 2);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_queue_depth" && s.Labels == "namespace=\"analytics\",priority=\"HIGH\"" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_queue_oldest_wait_seconds" && s.Labels == "namespace=\"analytics\",priority=\"HIGH\"" && s.Value >= 29);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_run_duration_seconds_bucket" && s.Labels == labels + ",le=\"15\"" && s.Value == 0);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_run_duration_seconds_bucket" && s.Labels == labels + ",le=\"30\"" && s.Value == 1);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_run_duration_seconds_sum" && s.Labels == labels && s.Value == 20);
        Assert.Contains(samples, s => s.Name == "iomete_orchestrator_run_lateness_seconds" && s.Labels.StartsWith("namespace=\"analytics\",quantile=", StringComparison.Ordinal) && s.Value == 10);
    }

    [Fact]
    public async Task Metrics_WithTheInternalToken_AreServed_ButNotToAnonymousOrPlainUsers()
    {
        using var anonymous = fixture.Platform.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Get, Route);
        var (_, user) = await fixture.UserAsync("scraper", "CREATE_SPARK_JOB");
        await user.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Get, Route);

        using var platform = fixture.Platform.Anonymous();
        platform.DefaultRequestHeaders.Add(InternalCallOptions.Header, fixture.Platform.Services.GetRequiredService<IOptions<InternalCallOptions>>().Value.AppApiToken);
        using var response = await platform.GetAsync(Route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE iomete_orchestrator_runs gauge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
