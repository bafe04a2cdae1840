using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;

namespace Iomete.Functions.Orchestrator.Schedules;

/// <summary>Turns a request into a schedule: validation with the field that is wrong and why.</summary>
internal static class ScheduleRules
{
    public const int MaxTags = 50;
    public const int MaxQueries = 500;
    public const int MaxBackfill = 100;

    public static ScheduleSpec Spec(ScheduleRequest body, DateTimeOffset now)
    {
        var spec = new ScheduleSpec
        {
            Cron = Blank(body.Cron),
            IntervalSeconds = body.IntervalSeconds,
            Rrule = Blank(body.Rrule),
            Timezone = Blank(body.Timezone) ?? "UTC",
        };
        spec = spec with { Anchor = spec.Cron is null ? ScheduleCalendar.Truncate(body.AnchorDate ?? now) : null };
        ScheduleCalendar.Compile(spec, now);
        return spec;
    }

    public static ScheduleTarget Target(ScheduleRequest body, IReadOnlyList<string>? worksheetQueries, string runAs)
    {
        var queries = (worksheetQueries ?? (body.Queries ?? []).Select(q => q?.Trim() ?? "")).ToList();
        var hasJob = Blank(body.JobId) is not null;
        if (hasJob == (queries.Count > 0 || body.WorksheetId is not null))
        {
            throw ValidationException.ForField("jobId", "give either jobId (a job schedule) or queries / worksheetId (a SQL schedule)");
        }
        if (hasJob)
        {
            if (body.Overrides is { } o && o.ValueKind is not (System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Null))
            {
                throw ValidationException.ForField("overrides", "must be a JSON object");
            }
            return new ScheduleTarget
            {
                Kind = ScheduleTargetKind.Job,
                JobId = body.JobId!.Trim(),
                Overrides = body.Overrides is { ValueKind: System.Text.Json.JsonValueKind.Object } obj ? obj.GetRawText() : null,
                RunAs = Blank(body.RunAs),
            };
        }
        if (queries.Count == 0)
        {
            throw ValidationException.ForField(body.WorksheetId is null ? "queries" : "worksheetId", "has no SQL statement to run");
        }
        if (queries.Count > MaxQueries)
        {
            throw ValidationException.ForField("queries", $"at most {MaxQueries} queries are allowed");
        }
        var empty = queries.FindIndex(q => q.Length == 0);
        if (empty >= 0)
        {
            throw ValidationException.ForField($"queries[{empty}]", "is empty");
        }
        return new ScheduleTarget
        {
            Kind = ScheduleTargetKind.SqlQueries,
            Queries = queries,
            WorksheetId = Blank(body.WorksheetId),
            Compute = Blank(body.Compute) ?? Schedule.LocalCompute,
            Catalog = Blank(body.Catalog),
            Database = Blank(body.Database),
            RunAs = runAs,
        };
    }

    public static IReadOnlyList<ScheduleTag> Tags(IReadOnlyList<ScheduleTag?>? tags)
    {
        if (tags is null)
        {
            return [];
        }
        if (tags.Count > MaxTags)
        {
            throw ValidationException.ForField("tags", $"at most {MaxTags} tags are allowed");
        }
        var result = new List<ScheduleTag>();
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] is not { } tag || string.IsNullOrWhiteSpace(tag.Key) || tag.Key.Length > 128 || (tag.Value?.Length ?? 0) > 256)
            {
                throw ValidationException.ForField($"tags[{i}]", "needs a key (1-128 characters) and a value (at most 256)");
            }
            result.Add(new ScheduleTag(tag.Key.Trim(), tag.Value ?? ""));
        }
        return result;
    }

    /// <summary>Runs act as the caller unless a domain manager names another user or service account.</summary>
    public static string RunAs(Caller caller, string? asked)
    {
        var user = Blank(asked) ?? caller.UserId;
        if (user != caller.UserId && !caller.HasAdminRole(AdminRole.DomainManager))
        {
            throw new ForbiddenException("Only domain managers may set another user or service account as a schedule's run-as user (runAs).");
        }
        return user;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
