using Dapper;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask.Client;

namespace Iomete.Workflows.Jobs;

/// <summary>Forwards a job service run's state change to the workflow run that submitted it (found by its external run id).</summary>
public sealed class JobRunEvents(WorkflowRunStore runs, DurableTaskClient client)
{
    /// <summary>The workflow run that was told, or null when no active job run owns that job service run.</summary>
    public async Task<string?> ForwardAsync(string externalRunId, string status, CancellationToken ct)
    {
        await using var connection = await runs.OpenAsync(ct);
        var terminal = WorkflowRunStates.Terminal.Select(s => s.Name()).ToArray();
        var runId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT id FROM workflow_runs WHERE external_run_id = @ExternalRunId AND kind = 'JOB' AND state NOT IN @Terminal ORDER BY created_ms DESC LIMIT 1",
            new { ExternalRunId = externalRunId, Terminal = terminal }, cancellationToken: ct));
        if (runId is null)
        {
            return null;
        }
        await client.RaiseEventAsync(runId, WorkflowEvents.JobRunState, status, ct);
        return runId;
    }
}
