using System.Text.Json;
using System.Text.Json.Serialization;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>A row of <c>compute_clusters</c> as Dapper reads and writes it: instants in epoch milliseconds, the spec as JSON.</summary>
internal sealed class ComputeClusterRow
{
    // Nulls are written out: a global secret's source id is null, and reading requires the member.
    private static readonly JsonSerializerOptions SpecJson = new(Json.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public const string Columns =
        "id AS Id, domain_id AS DomainId, name AS Name, description AS Description, bundle_id AS BundleId, namespace AS Namespace, " +
        "spec AS Spec, status AS Status, driver_state AS DriverState, error_message AS ErrorMessage, start_count AS StartCount, " +
        "restart_attempts AS RestartAttempts, restart_required AS RestartRequired, last_activity_ms AS LastActivityMs, " +
        "created_by AS CreatedBy, created_ms AS CreatedMs, updated_ms AS UpdatedMs, version AS Version";

    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string BundleId { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string Spec { get; set; } = "{}";
    public string Status { get; set; } = "";
    public string? DriverState { get; set; }
    public string? ErrorMessage { get; set; }
    public int StartCount { get; set; }
    public int RestartAttempts { get; set; }
    public bool RestartRequired { get; set; }
    public long? LastActivityMs { get; set; }
    public string CreatedBy { get; set; } = "";
    public long CreatedMs { get; set; }
    public long UpdatedMs { get; set; }
    public long Version { get; set; }

    public static string Stored(ComputeStatus status) => status.ToString().ToUpperInvariant();

    public static ComputeClusterRow From(ComputeCluster c) => new()
    {
        Id = c.Id,
        DomainId = c.DomainId,
        Name = c.Name,
        Description = c.Description,
        BundleId = c.ResourceBundleId,
        Namespace = c.Namespace,
        Spec = JsonSerializer.Serialize(c.Spec, SpecJson),
        Status = Stored(c.Status),
        DriverState = c.DriverState,
        ErrorMessage = c.ErrorMessage,
        StartCount = c.StartCount,
        RestartAttempts = c.RestartAttempts,
        RestartRequired = c.RestartRequired,
        LastActivityMs = c.LastActivityAt?.ToUnixTimeMilliseconds(),
        CreatedBy = c.CreatedBy,
        CreatedMs = c.CreatedAt.ToUnixTimeMilliseconds(),
        UpdatedMs = c.UpdatedAt.ToUnixTimeMilliseconds(),
        Version = c.Version,
    };

    public ComputeCluster ToCluster() => new()
    {
        Id = Id,
        DomainId = DomainId,
        Name = Name,
        Description = Description,
        ResourceBundleId = BundleId,
        Namespace = Namespace,
        Spec = JsonSerializer.Deserialize<ComputeSpec>(Spec, SpecJson)!,
        Status = Enum.Parse<ComputeStatus>(Status, ignoreCase: true),
        DriverState = DriverState,
        ErrorMessage = ErrorMessage,
        StartCount = StartCount,
        RestartAttempts = RestartAttempts,
        RestartRequired = RestartRequired,
        LastActivityAt = LastActivityMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        CreatedBy = CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs),
        Version = Version,
    };
}
