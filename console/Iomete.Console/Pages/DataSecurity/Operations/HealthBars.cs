using System.Globalization;
using System.Text.Json;
using Iomete.Console.Api;
using MudBlazor;

namespace Iomete.Console.Pages.DataSecurity.Operations;

/// <summary>One hourly bar as drawn: its status, color and the hover text with the hour's figures.</summary>
public sealed record HealthBar(DateTimeOffset? Start, string Status, string Color, string Tooltip);

/// <summary>Maps the health API's bars (oldest first) to exactly 48 drawn bars; missing hours are NO_DATA.</summary>
public static class HealthBars
{
    public const int Hours = 48;

    public static IReadOnlyList<HealthBar> Map(JsonElement component)
    {
        var bars = component.Items("bars").Select(Bar).ToList();
        if (bars.Count > Hours)
        {
            bars = bars.Skip(bars.Count - Hours).ToList();
        }
        while (bars.Count < Hours)
        {
            bars.Insert(0, new HealthBar(null, "NO_DATA", BarColor("NO_DATA"), "No data"));
        }
        return bars;
    }

    /// <summary>The theme's palette color of a bar (CSS variable), so dark mode and contrast follow the theme.</summary>
    public static string BarColor(string status) => status switch
    {
        "OPERATIONAL" => "var(--mud-palette-success)",
        "OUTAGE" => "var(--mud-palette-error)",
        _ => "var(--mud-palette-action-disabled)",
    };

    public static Color StatusColor(string? status) => status switch
    {
        "OPERATIONAL" => Color.Success,
        "OUTAGE" => Color.Error,
        _ => Color.Default,
    };

    private static HealthBar Bar(JsonElement bar)
    {
        var status = bar.Str("status") ?? "NO_DATA";
        DateTimeOffset? start = DateTimeOffset.TryParse(bar.Str("start"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        var hour = start is { } s ? s.ToUniversalTime().ToString("yyyy-MM-dd HH:00 'UTC'", CultureInfo.InvariantCulture) : "unknown hour";
        var tooltip = status == "NO_DATA"
            ? $"{hour}: no data"
            : $"{hour}: {Label(status)}, {bar.Long("samples") ?? 0} samples, {bar.Long("failures") ?? 0} failures, {bar.Long("failingSeconds") ?? 0} s failing";
        return new HealthBar(start, status, BarColor(status), tooltip);
    }

    public static string Label(string? status) => status switch
    {
        "OPERATIONAL" => "operational",
        "OUTAGE" => "outage",
        _ => "no data",
    };
}
