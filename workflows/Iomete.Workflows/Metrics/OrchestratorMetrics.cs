using System.Data.Common;
using System.Globalization;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Http;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Metrics;

/// <summary>
/// The orchestrator's Prometheus metrics, computed from the run records at scrape time (families <c>iomete_orchestrator_*</c>).
/// Labels stay bounded: <c>domain</c>, <c>namespace</c>, <c>kind</c>, <c>job</c> (a job id, or the pipeline id of a pipeline
/// run, or the schedule id of a SQL schedule's run), <c>state</c> (11 values), <c>priority</c> (2). Queue figures come from the
/// runs in PENDING state (the state a run holds while it waits in its namespace queue).
/// </summary>
public sealed class OrchestratorMetrics(IMetadataDb db, TimeProvider clock)
{
    public const string Prefix = "iomete_orchestrator_";

    /// <summary>Upper bounds (seconds) of the run duration histogram.</summary>
    public static readonly double[] DurationBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600];

    /// <summary>The window of runs whose lateness quantiles are reported.</summary>
    public static readonly TimeSpan LatenessWindow = TimeSpan.FromHours(1);

    private static readonly double[] Quantiles = [0.5, 0.9, 0.99];

    private const string Job = "coalesce(job_id, pipeline_id, schedule_id, '')";

    public async Task<string> WriteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var writer = new PrometheusWriter();
        await using var connection = await db.OpenAsync(WorkflowsRegistration.Service, ct);
        await WriteRunsAsync(connection, writer, ct);
        await WriteQueuesAsync(connection, writer, now, ct);
        await WriteLatenessAsync(connection, writer, now, ct);
        await WriteDurationsAsync(connection, writer, ct);
        return writer.ToString();
    }

    private static async Task WriteRunsAsync(DbConnection connection, PrometheusWriter writer, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<StateRow>(new CommandDefinition(
            $"""
            SELECT domain_id AS Domain, coalesce(namespace, '') AS Namespace, kind AS Kind, {Job} AS Job, state AS State,
                   CAST(COUNT(*) AS BIGINT) AS Runs, CAST(SUM(attempt - 1) AS BIGINT) AS Retries,
                   CAST(SUM(CASE WHEN run_trigger = 'RETRY' THEN 1 ELSE 0 END) AS BIGINT) AS Reruns
            FROM workflow_runs GROUP BY domain_id, coalesce(namespace, ''), kind, {Job}, state
            ORDER BY 1, 2, 3, 4, 5
            """, cancellationToken: ct))).ToList();

        writer.Family(Prefix + "runs", "gauge", "Runs that have not ended, by state (SCHEDULED, LATE, PENDING, RUNNING, RETRYING, CANCELLING).");
        foreach (var row in rows.Where(r => !WorkflowRunStates.Parse(r.State).IsTerminal()))
        {
            writer.Sample(Prefix + "runs", [.. row.Labels(), ("state", row.State)], row.Runs);
        }
        writer.Family(Prefix + "runs_total", "counter", "Runs that ended, by terminal state, over the retained run history.");
        foreach (var row in rows.Where(r => WorkflowRunStates.Parse(r.State).IsTerminal()))
        {
            writer.Sample(Prefix + "runs_total", [.. row.Labels(), ("state", row.State)], row.Runs);
        }
        var byJob = rows.GroupBy(r => (r.Domain, r.Namespace, r.Kind, r.Job)).ToList();
        writer.Family(Prefix + "retries_total", "counter", "Attempts beyond the first (a run retried by its retry policy).");
        foreach (var group in byJob)
        {
            writer.Sample(Prefix + "retries_total", group.First().Labels(), group.Sum(r => r.Retries));
        }
        writer.Family(Prefix + "reruns_total", "counter", "Runs started as a re-run of an earlier run (trigger RETRY).");
        foreach (var group in byJob)
        {
            writer.Sample(Prefix + "reruns_total", group.First().Labels(), group.Sum(r => r.Reruns));
        }
    }

    private static async Task WriteQueuesAsync(DbConnection connection, PrometheusWriter writer, DateTimeOffset now, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<QueueRow>(new CommandDefinition(
            """
            SELECT coalesce(namespace, '') AS Namespace, priority AS Priority, CAST(COUNT(*) AS BIGINT) AS Depth, MIN(created_ms) AS OldestMs
            FROM workflow_runs WHERE state = 'PENDING' GROUP BY coalesce(namespace, ''), priority ORDER BY 1, 2
            """, cancellationToken: ct))).ToList();
        writer.Family(Prefix + "queue_depth", "gauge", "Runs waiting in their namespace queue (state PENDING), by priority.");
        foreach (var row in rows)
        {
            writer.Sample(Prefix + "queue_depth", [("namespace", row.Namespace), ("priority", row.Priority)], row.Depth);
        }
        writer.Family(Prefix + "queue_oldest_wait_seconds", "gauge", "How long the oldest waiting run of the queue has waited.");
        foreach (var row in rows)
        {
            var waited = Math.Max(0, (now.ToUnixTimeMilliseconds() - row.OldestMs) / 1000.0);
            writer.Sample(Prefix + "queue_oldest_wait_seconds", [("namespace", row.Namespace), ("priority", row.Priority)], waited);
        }
    }

    private static async Task WriteLatenessAsync(DbConnection connection, PrometheusWriter writer, DateTimeOffset now, CancellationToken ct)
    {
        const string Lateness = "CASE WHEN started_ms > scheduled_ms THEN started_ms - scheduled_ms ELSE 0 END";
        var totals = (await connection.QueryAsync<LatenessTotal>(new CommandDefinition(
            $"""
            SELECT coalesce(namespace, '') AS Namespace, CAST(COUNT(*) AS BIGINT) AS Runs, CAST(SUM({Lateness}) AS BIGINT) AS SumMs
            FROM workflow_runs WHERE scheduled_ms IS NOT NULL AND started_ms IS NOT NULL GROUP BY coalesce(namespace, '') ORDER BY 1
            """, cancellationToken: ct))).ToList();
        var recent = (await connection.QueryAsync<LatenessSample>(new CommandDefinition(
            $"""
            SELECT coalesce(namespace, '') AS Namespace, {Lateness} AS LatenessMs FROM workflow_runs
            WHERE scheduled_ms IS NOT NULL AND started_ms IS NOT NULL AND started_ms >= @Since
            """, new { Since = (now - LatenessWindow).ToUnixTimeMilliseconds() }, cancellationToken: ct)))
            .GroupBy(s => s.Namespace).ToDictionary(g => g.Key, g => g.Select(s => s.LatenessMs / 1000.0).Order().ToArray());

        var name = Prefix + "run_lateness_seconds";
        writer.Family(name, "summary",
            $"Seconds from a run's scheduled time to its start; quantiles over runs started in the last {LatenessWindow.TotalMinutes:0} minutes.");
        foreach (var total in totals)
        {
            if (recent.TryGetValue(total.Namespace, out var values) && values.Length > 0)
            {
                foreach (var q in Quantiles)
                {
                    writer.Sample(name, [("namespace", total.Namespace), ("quantile", q.ToString(CultureInfo.InvariantCulture))], Quantile(values, q));
                }
            }
            writer.Sample(name + "_sum", [("namespace", total.Namespace)], total.SumMs / 1000.0);
            writer.Sample(name + "_count", [("namespace", total.Namespace)], total.Runs);
        }
    }

    private static async Task WriteDurationsAsync(DbConnection connection, PrometheusWriter writer, CancellationToken ct)
    {
        var buckets = string.Join(", ", DurationBuckets.Select((b, i) =>
            $"CAST(SUM(CASE WHEN ended_ms - started_ms <= {(long)(b * 1000)} THEN 1 ELSE 0 END) AS BIGINT) AS b{i}"));
        var rows = await connection.QueryAsync(new CommandDefinition(
            $"""
            SELECT domain_id AS domain, coalesce(namespace, '') AS namespace, kind AS kind, {Job} AS job,
                   CAST(COUNT(*) AS BIGINT) AS runs, CAST(SUM(ended_ms - started_ms) AS BIGINT) AS sum_ms, {buckets}
            FROM workflow_runs WHERE started_ms IS NOT NULL AND ended_ms IS NOT NULL
            GROUP BY domain_id, coalesce(namespace, ''), kind, {Job} ORDER BY 1, 2, 3, 4
            """, cancellationToken: ct));
        var name = Prefix + "run_duration_seconds";
        writer.Family(name, "histogram", "Seconds from a run's start to its end, over the retained runs that ended.");
        // Lower-case aliases: PostgreSQL folds unquoted names, and the dynamic rows are keyed by the returned names.
        foreach (IDictionary<string, object?> row in rows)
        {
            List<(string, string)> labels = [("domain", (string)row["domain"]!), ("namespace", (string)row["namespace"]!), ("kind", (string)row["kind"]!), ("job", (string)row["job"]!)];
            for (var i = 0; i < DurationBuckets.Length; i++)
            {
                writer.Sample(name + "_bucket", [.. labels, ("le", PrometheusWriter.Format(DurationBuckets[i]))], Convert.ToDouble(row[$"b{i}"], CultureInfo.InvariantCulture));
            }
            var count = Convert.ToDouble(row["runs"], CultureInfo.InvariantCulture);
            writer.Sample(name + "_bucket", [.. labels, ("le", "+Inf")], count);
            writer.Sample(name + "_sum", labels, Convert.ToDouble(row["sum_ms"], CultureInfo.InvariantCulture) / 1000.0);
            writer.Sample(name + "_count", labels, count);
        }
    }

    /// <summary>Nearest-rank quantile of sorted values.</summary>
    private static double Quantile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class StateRow
    {
        public string Domain { get; set; } = "";
        public string Namespace { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Job { get; set; } = "";
        public string State { get; set; } = "";
        public long Runs { get; set; }
        public long Retries { get; set; }
        public long Reruns { get; set; }

        public List<(string, string)> Labels() => [("domain", Domain), ("namespace", Namespace), ("kind", Kind), ("job", Job)];
    }

    private sealed class QueueRow
    {
        public string Namespace { get; set; } = "";
        public string Priority { get; set; } = "";
        public long Depth { get; set; }
        public long OldestMs { get; set; }
    }

    private sealed class LatenessTotal
    {
        public string Namespace { get; set; } = "";
        public long Runs { get; set; }
        public long SumMs { get; set; }
    }

    private sealed class LatenessSample
    {
        public string Namespace { get; set; } = "";
        public long LatenessMs { get; set; }
    }
}
