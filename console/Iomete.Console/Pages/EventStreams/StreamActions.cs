namespace Iomete.Console.Pages.EventStreams;

/// <summary>What a person may do with a stream in each state (the API decides permissions; this hides what cannot work).</summary>
public static class StreamActions
{
    /// <summary>Only a stopped stream starts; a starting or active one is already running.</summary>
    public static bool CanStart(string? status) => status == "STOPPED";

    /// <summary>Stopping (terminate) commits every acknowledged event, so it applies while the pipeline runs or recovers.</summary>
    public static bool CanStop(string? status) => status is "ACTIVE" or "STARTING";

    /// <summary>Delete terminates first, so any known state may be deleted.</summary>
    public static bool CanDelete(string? status) => status is "ACTIVE" or "STARTING" or "STOPPED";

    /// <summary>The color of a state chip.</summary>
    public static MudBlazor.Color ColorOf(string? status) => status switch
    {
        "ACTIVE" => MudBlazor.Color.Success,
        "STARTING" => MudBlazor.Color.Info,
        "STOPPED" => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Warning,
    };
}
