using System.Text.Json.Nodes;
using Iomete.Workflows.Pipelines;
using Iomete.Workflows.Runs;
using static Iomete.Workflows.Tests.Pipelines.PipelineHost;

namespace Iomete.Workflows.Tests.Pipelines;

public sealed class PipelineOrchestrationTests(PipelineHost host) : IClassFixture<PipelineHost>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private async Task<(WorkflowRun Run, PipelineRunResult Result, IReadOnlyList<RunTask> Tasks)> RunAsync(
        Pipeline pipeline, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var (run, created) = await host.Launcher.StartAsync(pipeline, overrides, "tester", null, CancellationToken.None);
        Assert.True(created);
        var result = await host.WaitAsync(run.Id);
        return ((await host.Runs.GetAsync(run.Id, CancellationToken.None))!, result, await host.Journal.TasksAsync(run.Id, CancellationToken.None));
    }

    private static RunTask Task(IReadOnlyList<RunTask> tasks, string key) => tasks.Single(t => t.TaskKey == key);

    [Fact]
    public async Task Diamond_WithAFailedBranchHandledOnFailure_SkipsTheJoinRunsTheHandlerAndCompletes()
    {
        var fail = Unique("fail-");
        var pipeline = await host.PipelineAsync([
            Node("a", Unique("ok-")),
            Node("b", Unique("ok-"), OnSuccess("a")),
            Node("c", fail, OnSuccess("a")),
            Node("d", Unique("ok-"), OnSuccess("b"), OnSuccess("c")),
            Node("alert", Unique("ok-"), OnFailure("c")),
            Node("cleanup", Unique("ok-"), Always("d")),
        ]);

        var (run, result, tasks) = await RunAsync(pipeline);

        Assert.Equal(WorkflowRunState.Completed, run.State);
        Assert.Equal(WorkflowRunState.Completed, result.State);
        Assert.Equal(WorkflowRunState.Completed, Task(tasks, "a").State);
        Assert.Equal(WorkflowRunState.Completed, Task(tasks, "b").State);
        Assert.Equal(WorkflowRunState.Failed, Task(tasks, "c").State);
        Assert.Equal(WorkflowRunState.Cancelled, Task(tasks, "d").State);
        Assert.Equal("skipped: upstream 'c' ended FAILED (needs ON_SUCCESS)", Task(tasks, "d").StateMessage);
        Assert.Null(Task(tasks, "d").ExternalId);
        Assert.Equal(WorkflowRunState.Completed, Task(tasks, "alert").State);
        Assert.Equal(WorkflowRunState.Completed, Task(tasks, "cleanup").State);
        Assert.Equal(["a", "b", "c", "d", "alert", "cleanup"], tasks.OrderBy(t => t.Position).Select(t => t.TaskKey));
        // Each node that ran is a job run of the pipeline run.
        var nodeRun = (await host.Runs.GetAsync(Task(tasks, "c").ExternalId!, CancellationToken.None))!;
        Assert.Equal((RunKind.Job, RunTrigger.Pipeline, run.Id, "c", WorkflowRunState.Failed), (nodeRun.Kind, nodeRun.Trigger, nodeRun.ParentRunId, nodeRun.NodeKey, nodeRun.State));
    }

    [Fact]
    public async Task Diamond_WithAnUnhandledFailure_Fails()
    {
        var pipeline = await host.PipelineAsync([
            Node("a", Unique("ok-")),
            Node("b", Unique("fail-"), OnSuccess("a")),
            Node("c", Unique("ok-"), OnSuccess("a")),
            Node("d", Unique("ok-"), OnSuccess("b"), OnSuccess("c")),
        ]);

        var (run, _, tasks) = await RunAsync(pipeline);

        Assert.Equal(WorkflowRunState.Failed, run.State);
        Assert.StartsWith("'b' ended FAILED without an ON_FAILURE handler", run.StateMessage, StringComparison.Ordinal);
        Assert.Equal(WorkflowRunState.Completed, Task(tasks, "c").State);
        Assert.StartsWith("skipped: ", Task(tasks, "d").StateMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FanOut_StartsEveryReadyNodeBeforeAnyEnds_AndTheJoinWaitsForAll()
    {
        var pipeline = await host.PipelineAsync([
            Node("start", Unique("ok-")),
            Node("x", Unique("wait-"), OnSuccess("start")),
            Node("y", Unique("wait-"), OnSuccess("start")),
            Node("z", Unique("wait-"), OnSuccess("start")),
            Node("join", Unique("ok-"), OnSuccess("x"), OnSuccess("y"), OnSuccess("z")),
        ]);
        var (run, _) = await host.Launcher.StartAsync(pipeline, null, "tester", null, CancellationToken.None);

        var running = await WaitForRunningAsync(run.Id, "x", "y", "z");
        Assert.Equal(WorkflowRunState.Pending, Task(await host.Journal.TasksAsync(run.Id, CancellationToken.None), "join").State);
        foreach (var nodeRun in running)
        {
            await host.Client.RaiseEventAsync(nodeRun, FakeJobRunOrchestration.Finish, "go");
        }
        var result = await host.WaitAsync(run.Id);

        var tasks = await host.Journal.TasksAsync(run.Id, CancellationToken.None);
        Assert.Equal(WorkflowRunState.Completed, result.State);
        Assert.All(tasks, t => Assert.Equal(WorkflowRunState.Completed, t.State));
        Assert.True(Task(tasks, "join").StartedAt >= new[] { "x", "y", "z" }.Max(k => Task(tasks, k).EndedAt));
    }

    /// <summary>Waits until every given node's task is RUNNING at once; returns their node run ids.</summary>
    private async Task<IReadOnlyList<string>> WaitForRunningAsync(string runId, params string[] keys)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var tasks = await host.Journal.TasksAsync(runId, CancellationToken.None);
            var running = tasks.Where(t => keys.Contains(t.TaskKey) && t.State == WorkflowRunState.Running).ToList();
            if (running.Count == keys.Length)
            {
                return running.Select(t => t.ExternalId!).ToList();
            }
            Assert.True(DateTime.UtcNow < deadline, $"not all of {string.Join(", ", keys)} ran at once: {string.Join(", ", tasks.Select(t => $"{t.TaskKey}={t.State}"))}");
            await System.Threading.Tasks.Task.Delay(50);
        }
    }

    [Fact]
    public async Task Parameters_AreResolvedFromUpstreamOutputsAndPipelineParameters()
    {
        var reader = Unique("ok-");
        var pipeline = await host.PipelineAsync([
            Node("extract", Unique("ok-")),
            Node("load", reader, OnSuccess("extract")) with
            {
                Parameters = new JsonObject
                {
                    ["arguments"] = new JsonArray("--rows=${nodes.extract.output.rows}", "--source=${nodes.extract.runId}", "--day=${params.day}"),
                    ["envVars"] = new JsonObject { ["UPSTREAM_STATE"] = "${nodes.extract.state}", ["TABLE"] = "${nodes.extract.output.table}" },
                    ["sparkConf"] = new JsonObject { ["spark.executor.instances"] = "${params.executors}" },
                },
            },
        ], new Dictionary<string, string> { ["day"] = "2026-01-01", ["executors"] = "2" });

        var (run, _, tasks) = await RunAsync(pipeline, new Dictionary<string, string> { ["day"] = "2026-11-28" });

        Assert.Equal(WorkflowRunState.Completed, run.State);
        var overrides = JsonNode.Parse(host.Jobs.Request(reader).Overrides!)!;
        var extractRun = Task(tasks, "extract").ExternalId;
        Assert.Equal(["--rows=42", $"--source={extractRun}", "--day=2026-11-28"], overrides["arguments"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("COMPLETED", overrides["envVars"]!["UPSTREAM_STATE"]!.GetValue<string>());
        Assert.StartsWith("t_ok_", overrides["envVars"]!["TABLE"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2", overrides["sparkConf"]!["spark.executor.instances"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_MidRun_CancelsRunningNodeRunsSkipsTheRestAndEndsCancelled()
    {
        var pipeline = await host.PipelineAsync([
            Node("a", Unique("ok-")),
            Node("long1", Unique("slow-"), OnSuccess("a")),
            Node("long2", Unique("slow-"), OnSuccess("a")),
            Node("after", Unique("ok-"), Always("long1")),
        ]);
        var (run, _) = await host.Launcher.StartAsync(pipeline, null, "tester", null, CancellationToken.None);
        await WaitForRunningAsync(run.Id, "long1", "long2");

        await host.Client.RaiseEventAsync(run.Id, WorkflowEvents.Cancel, "stop it");
        var result = await host.WaitAsync(run.Id);

        var tasks = await host.Journal.TasksAsync(run.Id, CancellationToken.None);
        Assert.Equal(WorkflowRunState.Cancelled, result.State);
        Assert.Equal(WorkflowRunState.Cancelled, (await host.Runs.GetAsync(run.Id, CancellationToken.None))!.State);
        Assert.Equal(WorkflowRunState.Completed, Task(tasks, "a").State);
        foreach (var key in new[] { "long1", "long2" })
        {
            Assert.Equal(WorkflowRunState.Cancelled, Task(tasks, key).State);
            Assert.Equal("cancelled: stop it", Task(tasks, key).StateMessage);
            Assert.Equal(WorkflowRunState.Cancelled, (await host.Runs.GetAsync(Task(tasks, key).ExternalId!, CancellationToken.None))!.State);
        }
        Assert.Equal(WorkflowRunState.Cancelled, Task(tasks, "after").State);
        Assert.Equal("skipped: pipeline run cancelled (stop it)", Task(tasks, "after").StateMessage);
    }

    [Fact]
    public async Task Rerun_ReusesCompletedNodesWithoutRunningThemAndRunsTheFailedNodeAndItsDownstream()
    {
        var (first, flaky, last, side) = (Unique("ok-"), Unique("flaky-"), Unique("ok-"), Unique("ok-"));
        var pipeline = await host.PipelineAsync([
            Node("a", first),
            Node("b", flaky, OnSuccess("a")),
            Node("c", last, OnSuccess("b")),
            Node("side", side, OnSuccess("a")),
        ]);
        var (original, _, originalTasks) = await RunAsync(pipeline);
        Assert.Equal(WorkflowRunState.Failed, original.State);

        var rerun = await host.Launcher.RerunAsync(pipeline, original, "tester", CancellationToken.None);
        var result = await host.WaitAsync(rerun.Id);

        var stored = (await host.Runs.GetAsync(rerun.Id, CancellationToken.None))!;
        var tasks = await host.Journal.TasksAsync(rerun.Id, CancellationToken.None);
        Assert.Equal((WorkflowRunState.Completed, RunTrigger.Retry, original.Id), (stored.State, stored.Trigger, stored.ParentRunId));
        Assert.Equal(WorkflowRunState.Completed, result.State);
        foreach (var key in new[] { "a", "side" })
        {
            Assert.Equal(WorkflowRunState.Completed, Task(tasks, key).State);
            Assert.Equal($"reused from run {original.Id}", Task(tasks, key).StateMessage);
            Assert.Equal(Task(originalTasks, key).ExternalId, Task(tasks, key).ExternalId);
        }
        Assert.Equal(1, host.Jobs.Starts(first));
        Assert.Equal(1, host.Jobs.Starts(side));
        Assert.Equal(2, host.Jobs.Starts(flaky));
        Assert.Equal(1, host.Jobs.Starts(last));
        Assert.NotEqual(Task(originalTasks, "b").ExternalId, Task(tasks, "b").ExternalId);
        Assert.Equal(WorkflowRunState.Completed, Task(tasks, "c").State);
    }

    [Fact]
    public async Task Start_WithTheSameIdempotencyKey_ReturnsTheFirstRun()
    {
        var pipeline = await host.PipelineAsync([Node("a", Unique("ok-"))]);

        var (first, created) = await host.Launcher.StartAsync(pipeline, null, "tester", "key-1", CancellationToken.None);
        var (second, createdAgain) = await host.Launcher.StartAsync(pipeline, null, "tester", "key-1", CancellationToken.None);
        await host.WaitAsync(first.Id);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
    }
}
