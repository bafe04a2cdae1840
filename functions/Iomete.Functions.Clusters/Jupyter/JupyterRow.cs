using System.Text.Json;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>A row of <c>jupyter_containers</c> as Dapper reads and writes it.</summary>
internal sealed class JupyterRow
{
    public const string Columns =
        "id AS Id, domain_id AS DomainId, name AS Name, namespace AS Namespace, bundle_id AS BundleId, node_type AS NodeType, " +
        "volume_id AS VolumeId, config AS Config, tags AS Tags, status AS Status, status_message AS StatusMessage, " +
        "created_by AS CreatedBy, created_ms AS CreatedMs, updated_ms AS UpdatedMs, version AS Version";

    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string BundleId { get; set; } = "";
    public string NodeType { get; set; } = "";
    public string? VolumeId { get; set; }
    public string Config { get; set; } = "{}";
    public string Tags { get; set; } = "[]";
    public string Status { get; set; } = "";
    public string? StatusMessage { get; set; }
    public string CreatedBy { get; set; } = "";
    public long CreatedMs { get; set; }
    public long UpdatedMs { get; set; }
    public long Version { get; set; }

    public static string Stored(JupyterStatus status) => status.ToString().ToUpperInvariant();

    public static JupyterRow From(JupyterContainer c) => new()
    {
        Id = c.Id, DomainId = c.DomainId, Name = c.Name, Namespace = c.Namespace, BundleId = c.ResourceBundleId, NodeType = c.NodeType,
        VolumeId = c.VolumeId, Config = JsonSerializer.Serialize(c.Config, Json.Options), Tags = JsonSerializer.Serialize(c.ResourceTags, Json.Options),
        Status = Stored(c.Status), StatusMessage = c.StatusMessage, CreatedBy = c.CreatedBy,
        CreatedMs = c.CreatedAt.ToUnixTimeMilliseconds(), UpdatedMs = c.UpdatedAt.ToUnixTimeMilliseconds(), Version = c.Version,
    };

    public JupyterContainer ToContainer() => new()
    {
        Id = Id, DomainId = DomainId, Name = Name, Namespace = Namespace, ResourceBundleId = BundleId, NodeType = NodeType, VolumeId = VolumeId,
        Config = JsonSerializer.Deserialize<JupyterConfig>(Config, Json.Options) ?? new JupyterConfig(),
        ResourceTags = JsonSerializer.Deserialize<List<JupyterTag>>(Tags, Json.Options) ?? [],
        Status = Enum.Parse<JupyterStatus>(Status, ignoreCase: true), StatusMessage = StatusMessage, CreatedBy = CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs), UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs), Version = Version,
    };
}
