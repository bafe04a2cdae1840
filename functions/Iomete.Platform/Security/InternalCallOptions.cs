namespace Iomete.Platform.Security;

/// <summary>
/// The app API token that Dapr (or the local scheduler) sends as <c>dapr-api-token</c> when it
/// calls the platform's cron and subscription routes. Section <c>Iomete:Internal</c>.
/// </summary>
public sealed class InternalCallOptions
{
    public const string Section = "Iomete:Internal";
    public const string Header = "dapr-api-token";

    /// <summary>
    /// With a valid <see cref="Header"/>, the user id the internal call acts as (a SQL job's run-as user); ignored without it.
    /// </summary>
    public const string RunAsHeader = "X-Iomete-Run-As";

    /// <summary>Shared secret; when empty, internal calls are refused.</summary>
    public string? AppApiToken { get; set; }
}
