using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class ListPipelineRuns(ICallerAccessor callers, PipelineAccess access, WorkflowRunStore runs)
{
    [Function("orchestrator-pipelines-runs-list")]
    [OpenApiOperation("Pipelines", "List the runs of a pipeline (VIEW)", Description = "Newest first by default (sort -createdAt).")]
    [OpenApiPaged]
    [OpenApiQuery("state", "Only runs in this state (SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, …)")]
    [OpenApiQuery("trigger", "Only runs started this way: MANUAL, SCHEDULE or RETRY (a re-run)")]
    [OpenApiQuery("from", "Only runs created at or after this instant (ISO 8601)")]
    [OpenApiQuery("to", "Only runs created before this instant (ISO 8601)")]
    [OpenApiResponse(200, typeof(Page<PipelineRunView>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/pipelines/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var sort = request.Query["sort"].ToString();
        var query = ListQuery.From(request, WorkflowRunStore.Sortable, "createdAt");
        if (sort.Length == 0)
        {
            query = query with { Descending = true };
        }
        var filter = new WorkflowRunFilter(
            State: Parse(request, "state", s => (WorkflowRunState?)WorkflowRunStates.Parse(s)),
            Kind: RunKind.Pipeline,
            PipelineId: id,
            Trigger: Parse(request, "trigger", s => (RunTrigger?)Enum.GetValues<RunTrigger>().First(t => t.ToString().Equals(s, StringComparison.OrdinalIgnoreCase))),
            From: Parse(request, "from", s => (DateTimeOffset?)DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture)),
            To: Parse(request, "to", s => (DateTimeOffset?)DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
        await access.RequireAsync(caller, domain, id, PipelineAccess.View, ct);

        var page = await runs.ListAsync(domain, filter, query, ct);
        return ApiResults.Ok(new Page<PipelineRunView>(page.Items.Select(PipelineRunView.From).ToList(), page.Total, page.Offset, page.Limit));
    }

    private static T? Parse<T>(HttpRequest request, string name, Func<string, T?> parse)
        where T : struct
    {
        var raw = request.Query[name].ToString().Trim();
        if (raw.Length == 0)
        {
            return null;
        }
        try
        {
            return parse(raw.ToUpperInvariant() is var upper && name is "state" or "trigger" ? upper : raw);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw ValidationException.ForField(name, $"'{raw}' is not a valid value");
        }
    }
}
