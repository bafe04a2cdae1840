namespace Iomete.Platform.Functions;

/// <summary>
/// Marks an HTTP function as periodic work. In a cluster a Dapr cron input binding named
/// <see cref="Name"/> posts to the function's route; the local host's scheduler does the same.
/// The caller authenticates with the app API token (<c>dapr-api-token</c> header).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CronBindingAttribute(string name, string schedule) : Attribute
{
    public string Name => name;

    /// <summary>Dapr's schedule syntax; the local scheduler understands <c>@every &lt;duration&gt;</c> (e.g. <c>@every 10s</c>).</summary>
    public string Schedule => schedule;

    /// <summary>Parses <c>@every 10s|5m|1h|500ms</c>.</summary>
    public static TimeSpan ParseEvery(string schedule)
    {
        const string prefix = "@every ";
        if (!schedule.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"Only '@every <duration>' schedules are supported locally, not '{schedule}'.");
        }
        var text = schedule[prefix.Length..].Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], "ms") : (text[..^1], text[^1..]);
        var value = double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => throw new FormatException($"Unknown unit in '{schedule}'."),
        };
    }
}
