using System.Text.Json;
using Iomete.Console.Api;
using MudBlazor;

namespace Iomete.Console.Pages.Jobs;

/// <summary>How the schedule pages word a schedule: when it fires, what it runs, its status colour.</summary>
public static class ScheduleText
{
    public static string When(JsonElement s) =>
        s.Str("cron") ?? (s.Long("intervalSeconds") is { } every ? $"every {every} s" : s.Str("rrule") ?? "—");

    public static string Target(JsonElement s)
    {
        if (s.Str("targetType") == "JOB")
        {
            return "A job";
        }
        var count = s.Items("queries").Count();
        var where = s.Str("catalog") is { } catalog ? $" in {catalog}{(s.Str("database") is { } db ? "." + db : "")}" : "";
        return $"{count} SQL quer{(count == 1 ? "y" : "ies")} on {s.Str("compute") ?? "local"}{where}";
    }

    public static Color StatusColor(JsonElement s) => s.Str("status") == "ACTIVE" ? Color.Success : Color.Warning;
}
