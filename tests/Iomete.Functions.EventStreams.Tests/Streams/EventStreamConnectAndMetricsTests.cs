using System.Net;
using System.Text.RegularExpressions;
using Iomete.Functions.EventStreams.Streams;
using Iomete.Platform.Http;
using Iomete.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams.Tests.Streams;

public sealed partial class EventStreamConnectAndMetricsTests(StreamsFixture fixture) : IClassFixture<StreamsFixture>
{
    private const string Root = StreamsFixture.Root;

    [Fact]
    public async Task Connect_GivesTheIngestUrl_AndSnippetsInSixLanguagesThatUseIt()
    {
        var stream = await fixture.CreateAsync(extra: new { @namespace = "analytics" });
        var expected = $"{fixture.Platform.BaseAddress.Scheme}://{fixture.Platform.BaseAddress.Authority}/data-plane/analytics/event-stream/{stream.Str("name")}/ingest";

        var connect = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{stream.Str("id")}/connect");

        Assert.Equal(expected, connect.Str("endpoint"));
        Assert.Equal("spark_catalog.default.events", connect.GetProperty("headers").Str("table"));
        Assert.Equal("<your-access-token>", connect.GetProperty("headers").Str("Authorization"));
        var snippets = connect.GetProperty("snippets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(["curl", "csharp", "python", "javascript", "java", "go"], snippets.Keys);
        foreach (var (language, code) in snippets)
        {
            Assert.True(code.Contains(expected, StringComparison.Ordinal), $"{language} lacks the URL");
            Assert.True(code.Contains("<your-access-token>", StringComparison.Ordinal), $"{language} lacks the token placeholder");
            Assert.True(code.Contains("spark_catalog.default.events", StringComparison.Ordinal), $"{language} lacks the table");
            Assert.True(code.Contains("Idempotency-Key", StringComparison.Ordinal), $"{language} lacks the idempotency key");
            Assert.True(code.Contains("application/json", StringComparison.Ordinal), $"{language} lacks the content type");
        }
    }

    [Fact]
    public async Task Connect_UsesThePublicUrl_WhenOneIsConfigured()
    {
        var runtime = new RecordingStreamRuntime();
        await using var platform = await LocalPlatform.StartAsync(
            new Dictionary<string, string?> { ["Iomete:EventStreams:PublicUrl"] = "https://lakehouse.example.com/" },
            b => b.Services.AddSingleton<IStreamRuntime>(runtime));
        using var admin = await platform.LoginAsync();
        var me = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
        var bundle = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
            new { name = StreamsFixture.Unique("b"), domain = "default", owner = new { id = me.Str("id"), type = "USER" } });
        var stream = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, new { name = "clicks", resourceBundleId = bundle.Str("id") });

        var connect = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{stream.Str("id")}/connect");

        const string expected = "https://lakehouse.example.com/data-plane/iomete-system/event-stream/clicks/ingest";
        Assert.Equal(expected, connect.Str("endpoint"));
        Assert.Contains(expected, connect.GetProperty("snippets").Str("curl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OfARunningStream_AreItsFigures_AndOfAnIdleOneZeros()
    {
        var running = (await fixture.CreateAsync()).Str("id");
        var idle = (await fixture.CreateAsync()).Str("id");
        fixture.Runtime.Figures[running] = new StreamMetrics { EventsTotal = 1234, PendingBytes = 99, LastCommitLatencyMs = 1500 };

        var live = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{running}/metrics");
        var zero = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{idle}/metrics");

        Assert.True(live.GetProperty("running").GetBoolean());
        Assert.Equal(1234, live.GetProperty("metrics").GetProperty("eventsTotal").GetInt64());
        Assert.Equal(1500, live.GetProperty("metrics").GetProperty("lastCommitLatencyMs").GetDouble());
        Assert.False(zero.GetProperty("running").GetBoolean());
        Assert.Equal(0, zero.GetProperty("metrics").GetProperty("eventsTotal").GetInt64());
    }

    [Fact]
    public async Task Prometheus_ExpositionParses_CarriesHelpAndType_AndLabelsEachStream()
    {
        var stream = await fixture.CreateAsync();
        var id = stream.Str("id");
        var commitAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        fixture.Runtime.Figures[id] = new StreamMetrics
        {
            EventsTotal = 42, BytesTotal = 4200, EventsPerSecond = 2.5, LastCommitAt = commitAt, CommitLatencyP99Ms = 250,
            Tables = [new TableMetrics("spark_catalog.default.\"odd\\name\"", 512, 7, commitAt, 1)],
        };

        var (status, text, response) = await fixture.Admin.SendRawAsync(HttpMethod.Get, $"{Root}/metrics");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        }

        var helped = new HashSet<string>();
        var typed = new HashSet<string>();
        var samples = new List<(string Name, string Labels, string Value)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                helped.Add(line.Split(' ')[2]);
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Contains(parts[3], new[] { "counter", "gauge" });
                typed.Add(parts[2]);
                continue;
            }
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var name = match.Groups["name"].Value;
            Assert.True(helped.Contains(name) && typed.Contains(name), $"{name} has no HELP/TYPE before its samples");
            samples.Add((name, match.Groups["labels"].Value, match.Groups["value"].Value));
        }

        var labels = $"domain=\"default\",namespace=\"iomete-system\",stream=\"{stream.Str("name")}\"";
        Assert.Contains(("iomete_event_stream_events_total", labels, "42"), samples);
        Assert.Contains(("iomete_event_stream_events_per_second", labels, "2.5"), samples);
        Assert.Contains(("iomete_event_stream_commit_latency_p99_seconds", labels, "0.25"), samples);
        Assert.Contains(("iomete_event_stream_last_commit_timestamp_seconds", labels, "1800000000"), samples);
        Assert.Contains(("iomete_event_stream_table_uncompacted_files", labels + ",table=\"spark_catalog.default.\\\"odd\\\\name\\\"\"", "7"), samples);
        foreach (var family in new[] { "bytes_total", "requests_total", "bytes_per_second", "pending_bytes", "pending_events", "commits_total",
                     "errors_total", "throttled_total", "compactions_total", "commit_failures_total", "table_pending_bytes" })
        {
            Assert.Contains("iomete_event_stream_" + family, typed);
        }
    }

    [Fact]
    public void PrometheusWriter_EscapesLabelValuesAndHelp()
    {
        Assert.Equal("a\\\\b\\\"c\\nd", PrometheusWriter.EscapeLabel("a\\b\"c\nd"));
        Assert.Equal("x\\\\y\\nz\"", PrometheusWriter.EscapeHelp("x\\y\nz\""));
        Assert.Equal("+Inf", PrometheusWriter.Format(double.PositiveInfinity));
        Assert.Equal("NaN", PrometheusWriter.Format(double.NaN));
        Assert.Equal("0.1", PrometheusWriter.Format(0.1));
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*="(?:\\.|[^"\\])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:\\.|[^"\\])*")*)\} (?<value>NaN|[+-]Inf|[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)$""")]
    private static partial Regex SampleLine();
}
