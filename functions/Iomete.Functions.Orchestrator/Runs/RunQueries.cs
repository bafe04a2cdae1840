using System.Globalization;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Orchestrator.Runs;

/// <summary>Query-string filters of the run lists, validated (400 names the parameter).</summary>
public static class RunQueries
{
    /// <summary>Paging and sorting; without a <c>sort</c>, newest first.</summary>
    public static ListQuery Page(HttpRequest request)
    {
        var query = ListQuery.From(request, WorkflowRunStore.Sortable, "createdAt");
        return request.Query.ContainsKey("sort") ? query : query with { Descending = true };
    }

    public static WorkflowRunFilter Filter(HttpRequest request) => new(
        State: Optional(request, "state") is { } state ? ParseState(state) : null,
        Kind: Enumerated<RunKind>(request, "kind"),
        JobId: Optional(request, "jobId"),
        ScheduleId: Optional(request, "scheduleId"),
        PipelineId: Optional(request, "pipelineId"),
        ParentRunId: Optional(request, "parentRunId"),
        Namespace: Optional(request, "namespace"),
        Trigger: Enumerated<RunTrigger>(request, "trigger"),
        From: Instant(request, "from"),
        To: Instant(request, "to"));

    public static WorkflowRunState ParseState(string raw)
    {
        try
        {
            return WorkflowRunStates.Parse(raw.Trim().ToUpperInvariant());
        }
        catch (FormatException)
        {
            throw ValidationException.ForField("state", "must be one of: " + string.Join(", ", Enum.GetValues<WorkflowRunState>().Select(s => s.Name())));
        }
    }

    public static string? Optional(HttpRequest request, string name)
    {
        var raw = request.Query[name].ToString();
        return string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
    }

    public static DateTimeOffset? Instant(HttpRequest request, string name) =>
        Optional(request, name) is not { } raw ? null
        : DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw ValidationException.ForField(name, "must be an ISO-8601 instant, e.g. 2026-11-28T10:00:00Z");

    private static T? Enumerated<T>(HttpRequest request, string name) where T : struct, Enum
    {
        if (Optional(request, name) is not { } raw)
        {
            return null;
        }
        var names = Enum.GetValues<T>().ToDictionary(v => Snake(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);
        return names.TryGetValue(raw, out var value)
            ? value
            : throw ValidationException.ForField(name, "must be one of: " + string.Join(", ", names.Keys));
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
