using Microsoft.DurableTask;

namespace Iomete.Workflows.Runs;

/// <summary>Records a run from inside an orchestration (a schedule's fire, a pipeline node); on a taken dedupe key the existing run comes back.</summary>
[DurableTask(Name)]
public sealed class CreateRunActivity(WorkflowRunStore runs) : TaskActivity<WorkflowRun, WorkflowRun>
{
    public const string Name = "create-run";

    public override async Task<WorkflowRun> RunAsync(TaskActivityContext context, WorkflowRun input) =>
        (await runs.InsertAsync(input, CancellationToken.None)).Run;
}

/// <summary>A state change of a run requested by its orchestration.</summary>
public sealed record RunMove(string RunId, WorkflowRunState State, string? Message = null, string? Output = null, string? ExternalRunId = null, int? Attempt = null);

/// <summary>Moves a run's state from inside its orchestration; returns false when the move is not allowed any more (e.g. already ended).</summary>
[DurableTask(Name)]
public sealed class MoveRunActivity(WorkflowRunStore runs) : TaskActivity<RunMove, bool>
{
    public const string Name = "move-run";

    public override async Task<bool> RunAsync(TaskActivityContext context, RunMove input) =>
        await runs.UpdateAsync(input.RunId, run => run with
        {
            State = input.State,
            StateMessage = input.Message ?? run.StateMessage,
            Output = input.Output ?? run.Output,
            ExternalRunId = input.ExternalRunId ?? run.ExternalRunId,
            Attempt = input.Attempt ?? run.Attempt,
        }, CancellationToken.None) is not null;
}

/// <summary>A log line of a run written by its orchestration.</summary>
public sealed record RunLogLine(string RunId, RunEventLevel Level, string Message, string? TaskKey = null);

[DurableTask(Name)]
public sealed class LogRunActivity(RunJournal journal) : TaskActivity<RunLogLine, bool>
{
    public const string Name = "log-run";

    public override async Task<bool> RunAsync(TaskActivityContext context, RunLogLine input)
    {
        await journal.LogAsync(input.RunId, input.Level, input.Message, CancellationToken.None, input.TaskKey);
        return true;
    }
}

/// <summary>Saves a task of a run (a query of a SQL schedule, a pipeline node) from inside an orchestration.</summary>
[DurableTask(Name)]
public sealed class SaveRunTaskActivity(RunJournal journal) : TaskActivity<RunTask, bool>
{
    public const string Name = "save-run-task";

    public override async Task<bool> RunAsync(TaskActivityContext context, RunTask input)
    {
        await journal.SaveTaskAsync(input, CancellationToken.None);
        await journal.RecordAsync(input.RunId, RunEventKind.Task, input.State is WorkflowRunState.Failed or WorkflowRunState.Crashed or WorkflowRunState.TimedOut
            ? RunEventLevel.Error : RunEventLevel.Info, $"Task '{input.Name}' {input.State.Name()}" + (input.StateMessage is null ? "" : $": {input.StateMessage}"),
            CancellationToken.None, input.TaskKey, input.State);
        return true;
    }
}
